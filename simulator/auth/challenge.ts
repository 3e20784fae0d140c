import { CcmsError } from '../../shared/errors.js';
import type { ResendReply, Session } from '../../shared/protocol.js';
import { iso } from '../clock.js';
import type { SimContext } from '../context.js';
import { findUser } from '../store/users.js';
import { assertNotLocked, failOtp, recordSuccess } from './lockout.js';
import { hashToken } from './secrets.js';
import { createSession } from './sessions.js';
import { acceptTotp, sealedSecretOf, type AcceptedTotp } from './user-otp.js';
import { assertResendAllowed, sendChallengeCode } from './email-codes.js';
import { stmt } from '../store/db.js';

interface ChallengeRow {
  id_hash: string;
  user_id: string;
  channel: 'totp' | 'email';
  created_at: number;
  expires_at: number;
  code_hash: string | null;
  code_expires_at: number | null;
  sends: number;
  last_sent_at: number | null;
  consumed_at: number | null;
}

const challengeExpired = (): CcmsError =>
  new CcmsError('CHALLENGE_EXPIRED', 'The sign-in attempt has expired; enter your password again.');

function liveChallenge(ctx: SimContext, challengeId: string): ChallengeRow {
  const row = stmt(ctx.db, 'SELECT * FROM challenges WHERE id_hash = ?').get(
    hashToken(challengeId),
  ) as ChallengeRow | undefined;
  if (row === undefined || ctx.clock.now() >= row.expires_at) throw challengeExpired();
  return row;
}

/** `POST /auth/otp`: the second factor of a login challenge. */
export function answerChallenge(
  ctx: SimContext,
  challengeId: string,
  code: string,
): { session: Session } {
  const challenge = liveChallenge(ctx, challengeId);
  if (challenge.consumed_at !== null) {
    throw new CcmsError('OTP_REUSED', 'This sign-in was already completed; sign in again.');
  }
  const user = findUser(ctx.db, challenge.user_id);
  if (user === undefined) throw challengeExpired();
  assertNotLocked(ctx, user.user_id);
  if (user.suspended) throw new CcmsError('ACCOUNT_SUSPENDED', 'The account is suspended.');

  // Checks first, outside any transaction: a failure's count must be written, not rolled back.
  // All of it is synchronous, so no other request interleaves between check and write.
  let totp: AcceptedTotp | undefined;
  if (challenge.channel === 'totp') {
    totp = acceptTotp(ctx, user.user_id, sealedSecretOf(user), code);
  } else {
    if (
      challenge.code_expires_at === null ||
      challenge.code_hash === null ||
      ctx.clock.now() >= challenge.code_expires_at
    ) {
      // The code, not the challenge, has ended: the terminal offers a new code (resendOtp).
      throw new CcmsError('OTP_EXPIRED', 'The emailed code has expired; ask for a new one.');
    }
    if (!ctx.box.macEquals(code, challenge.code_hash)) failOtp(ctx, user.user_id);
  }
  return ctx.db
    .transaction(() => {
      totp?.record();
      // Single use: the challenge is spent.
      stmt(ctx.db, 'UPDATE challenges SET consumed_at = ?, code_hash = NULL WHERE id_hash = ?').run(
        ctx.clock.now(),
        challenge.id_hash,
      );
      recordSuccess(ctx, user.user_id);
      return { session: createSession(ctx, user, totp?.clockSkewSec) };
    })
    .immediate();
}

/** `POST /auth/otp/resend`: a new email code replaces the old one. */
export async function resendChallenge(ctx: SimContext, challengeId: string): Promise<ResendReply> {
  const challenge = liveChallenge(ctx, challengeId);
  if (challenge.channel !== 'email') {
    throw new CcmsError('INVALID_REQUEST', 'Only an email challenge can be resent.', {
      field: 'challengeId',
    });
  }
  if (challenge.consumed_at !== null) throw challengeExpired();
  assertResendAllowed(ctx, challenge.sends, challenge.last_sent_at);
  const user = findUser(ctx.db, challenge.user_id);
  if (user?.email == null) throw challengeExpired();
  // When SMTP fails the old code, the send count and the challenge stay as they were.
  // The challenge keeps the life it got at login: the new code expires no later than it.
  const sent = await sendChallengeCode(ctx, user.user_id, user.email, challenge.expires_at);
  const now = ctx.clock.now();
  stmt(
    ctx.db,
    `UPDATE challenges SET code_hash = ?, code_expires_at = ?, sends = sends + 1, last_sent_at = ?
       WHERE id_hash = ?`,
  ).run(sent.codeHash, sent.codeExpiresAt, now, challenge.id_hash);
  return {
    expiresAt: iso(challenge.expires_at),
    codeExpiresAt: iso(sent.codeExpiresAt),
    resendAvailableAt: iso(now + ctx.settings.emailResendCooldownSec * 1000),
    resendsLeft: Math.max(0, ctx.settings.emailMaxSends - challenge.sends - 1),
  };
}
