import { CcmsError } from '../../shared/errors.js';
import type { InitChannelReply, Session } from '../../shared/protocol.js';
import { iso } from '../clock.js';
import type { SimContext } from '../context.js';
import { findUser, type UserRow } from '../store/users.js';
import { assertNotLocked, failOtp, recordSuccess } from './lockout.js';
import { hashToken, maskEmail } from './secrets.js';
import { createSession } from './sessions.js';
import { acceptTotp, type AcceptedTotp } from './user-otp.js';
import { assertResendAllowed, sendChallengeCode } from './email-codes.js';
import { changePassword } from './password-change.js';
import { newTotpSecret, otpauthUri, TOTP_DIGITS, TOTP_PERIOD_SEC } from './totp.js';
import { stmt } from '../store/db.js';

interface InitRow {
  token_hash: string;
  user_id: string;
  expires_at: number;
  steps: string;
  pending_channel: 'totp' | 'email' | null;
  pending_secret_enc: string | null;
  code_hash: string | null;
  code_expires_at: number | null;
  sends: number;
  last_sent_at: number | null;
  used_at: number | null;
}
type Step = 'password' | 'channel';

const invalidToken = (): CcmsError =>
  new CcmsError(
    'INIT_TOKEN_INVALID',
    'The initialization has expired or is unknown; sign in again.',
  );

function live(ctx: SimContext, token: string): { row: InitRow; user: UserRow; steps: Step[] } {
  const row = stmt(ctx.db, 'SELECT * FROM init_tokens WHERE token_hash = ?').get(
    hashToken(token),
  ) as InitRow | undefined;
  if (row === undefined || row.used_at !== null || ctx.clock.now() >= row.expires_at)
    throw invalidToken();
  const user = findUser(ctx.db, row.user_id);
  if (user === undefined || user.suspended) throw invalidToken();
  assertNotLocked(ctx, user.user_id);
  return { row, user, steps: JSON.parse(row.steps) as Step[] };
}

function saveSteps(ctx: SimContext, row: InitRow, steps: Step[]): void {
  stmt(ctx.db, 'UPDATE init_tokens SET steps = ?, used_at = ? WHERE token_hash = ?').run(
    JSON.stringify(steps),
    steps.length === 0 ? ctx.clock.now() : null,
    row.token_hash,
  );
}

/** `POST /init/password`: replaces the temporary password; returns the steps left. */
export async function initPassword(
  ctx: SimContext,
  token: string,
  newPassword: string,
): Promise<{ steps: Step[] }> {
  const { user, steps } = live(ctx, token);
  if (!steps.includes('password')) {
    throw new CcmsError('INVALID_REQUEST', 'The password was already set in this initialization.', {
      field: 'newPassword',
    });
  }
  await changePassword(ctx, user, newPassword);
  // Re-read after the slow hashing: the token may have expired or been used meanwhile.
  const again = live(ctx, token);
  const left = again.steps.filter((s) => s !== 'password');
  saveSteps(ctx, again.row, left);
  return { steps: left };
}

function assertChannelStep(steps: Step[]): void {
  if (steps.includes('password')) {
    throw new CcmsError('INVALID_REQUEST', 'Set the new password first.', { field: 'initToken' });
  }
  if (!steps.includes('channel')) {
    throw new CcmsError('INVALID_REQUEST', 'No OTP channel step is pending.', {
      field: 'initToken',
    });
  }
}

/** `POST /init/channel`: enrols an authenticator app (secret) or sends an email code. */
export async function initChannel(
  ctx: SimContext,
  token: string,
  channel: 'totp' | 'email',
): Promise<InitChannelReply> {
  const { row, user, steps } = live(ctx, token);
  assertChannelStep(steps);
  if (channel === 'totp') {
    const secret = newTotpSecret();
    stmt(
      ctx.db,
      `UPDATE init_tokens SET pending_channel = 'totp', pending_secret_enc = ?, code_hash = NULL, code_expires_at = NULL
         WHERE token_hash = ?`,
    ).run(ctx.box.seal(secret), row.token_hash);
    return {
      secret,
      otpauthUri: otpauthUri(user.user_id, secret, ctx.settings.environment),
      algorithm: 'SHA1',
      digits: TOTP_DIGITS,
      period: TOTP_PERIOD_SEC,
    };
  }
  if (user.email === null) {
    throw new CcmsError(
      'EMAIL_NOT_REGISTERED',
      'No email is registered for this user; ask your Delegated Administrator.',
    );
  }
  // Choosing email again is a resend: the same cooldown and cap apply.
  assertResendAllowed(ctx, row.sends, row.last_sent_at);
  const sent = await sendChallengeCode(ctx, user.user_id, user.email, row.expires_at);
  const now = ctx.clock.now();
  stmt(
    ctx.db,
    `UPDATE init_tokens SET pending_channel = 'email', pending_secret_enc = NULL, code_hash = ?, code_expires_at = ?,
         sends = sends + 1, last_sent_at = ? WHERE token_hash = ?`,
  ).run(sent.codeHash, sent.codeExpiresAt, now, row.token_hash);
  return {
    maskedEmail: maskEmail(user.email),
    expiresAt: iso(sent.codeExpiresAt),
    resendAvailableAt: iso(now + ctx.settings.emailResendCooldownSec * 1000),
  };
}

/** `POST /init/channel/confirm`: proves the channel works, finishes initialization, signs in. */
export function initConfirm(ctx: SimContext, token: string, code: string): { session: Session } {
  const { row, user, steps } = live(ctx, token);
  assertChannelStep(steps);
  let totp: AcceptedTotp | undefined;
  if (row.pending_channel === 'totp' && row.pending_secret_enc !== null) {
    totp = acceptTotp(ctx, user.user_id, row.pending_secret_enc, code);
  } else if (
    row.pending_channel === 'email' &&
    row.code_hash !== null &&
    row.code_expires_at !== null
  ) {
    if (ctx.clock.now() >= row.code_expires_at) {
      throw new CcmsError(
        'OTP_EXPIRED',
        'The emailed code has expired; choose email again for a new one.',
      );
    }
    if (!ctx.box.macEquals(code, row.code_hash)) failOtp(ctx, user.user_id);
  } else {
    throw new CcmsError('INVALID_REQUEST', 'Choose an OTP channel first.', { field: 'initToken' });
  }
  return ctx.db
    .transaction(() => {
      totp?.record();
      stmt(
        ctx.db,
        'UPDATE users SET channel = ?, totp_secret_enc = ?, needs_channel = 0 WHERE user_id = ?',
      ).run(
        row.pending_channel,
        row.pending_channel === 'totp' ? row.pending_secret_enc : null,
        user.user_id,
      );
      saveSteps(ctx, row, []);
      recordSuccess(ctx, user.user_id);
      const fresh = findUser(ctx.db, user.user_id) ?? user;
      return { session: createSession(ctx, fresh, totp?.clockSkewSec) };
    })
    .immediate();
}
