import { CcmsError } from '../../shared/errors.js';
import { iso } from '../clock.js';
import type { Session } from '../../shared/protocol.js';
import type { SimContext } from '../context.js';
import { findUser } from '../store/users.js';
import { assertNotLocked, failOtp, recordSuccess } from './lockout.js';
import { authenticate, sessionView, type Authenticated } from './sessions.js';
import { acceptTotp, otpChannelOf, sealedSecretOf, type AcceptedTotp } from './user-otp.js';
import { sendChallengeCode } from './email-codes.js';
import { stmt } from '../store/db.js';

/**
 * Resolves a request's session. When it is idle-locked and the user's channel is email, a step-up
 * code is emailed (at most once per resend cooldown) so that `/session/reauth` can be answered,
 * and SESSION_LOCKED says when the next one may be sent (`resendAvailableAt`).
 */
export async function requireSession(
  ctx: SimContext,
  header: string | undefined,
  opts: { touch: boolean; allowLocked?: boolean },
): Promise<Authenticated> {
  try {
    return authenticate(ctx, header, opts);
  } catch (e) {
    if (!(e instanceof CcmsError) || e.code !== 'SESSION_LOCKED') throw e;
    const resendAt = await mailStepUpCode(ctx, header);
    if (resendAt === undefined) throw e;
    throw new CcmsError(e.code, e.message, { ...e.details, resendAvailableAt: iso(resendAt) });
  }
}

/**
 * Emails a step-up code to an email-channel user unless a fresh one went out within the resend
 * cooldown; returns when the next one may be sent (undefined for a TOTP user).
 */
async function mailStepUpCode(
  ctx: SimContext,
  header: string | undefined,
): Promise<number | undefined> {
  const auth = authenticate(ctx, header, { touch: false, allowLocked: true });
  const { user, session } = auth;
  const now = ctx.clock.now();
  if (otpChannelOf(user, now) !== 'email' || user.email === null) return undefined;
  const cooldownMs = ctx.settings.emailResendCooldownSec * 1000;
  const fresh = session.reauth_code_expires_at !== null && now < session.reauth_code_expires_at;
  const cooling = session.reauth_sent_at !== null && now < session.reauth_sent_at + cooldownMs;
  if (fresh && cooling) return (session.reauth_sent_at ?? now) + cooldownMs;
  try {
    const sent = await sendChallengeCode(ctx, user.user_id, user.email);
    stmt(
      ctx.db,
      'UPDATE sessions SET reauth_code_hash = ?, reauth_code_expires_at = ?, reauth_sent_at = ? WHERE token_hash = ?',
    ).run(sent.codeHash, sent.codeExpiresAt, now, session.token_hash);
    return now + cooldownMs;
  } catch {
    // The client still learns the session is locked; the next call retries the mail.
    return now;
  }
}

/** `POST /session/reauth`: a fresh OTP unlocks an idle session and restarts its idle timer. */
export async function reauth(
  ctx: SimContext,
  header: string | undefined,
  code: string,
): Promise<{ session: Session }> {
  const { token, session, user } = await requireSession(ctx, header, {
    touch: false,
    allowLocked: true,
  });
  assertNotLocked(ctx, user.user_id);
  let clockSkewSec = session.clock_skew_sec;
  let totp: AcceptedTotp | undefined;
  if (otpChannelOf(user, ctx.clock.now()) === 'totp') {
    totp = acceptTotp(ctx, user.user_id, sealedSecretOf(user), code);
    clockSkewSec = totp.clockSkewSec;
  } else {
    const valid = session.reauth_code_hash !== null && session.reauth_code_expires_at !== null;
    if (valid && ctx.clock.now() >= (session.reauth_code_expires_at ?? 0)) {
      throw new CcmsError(
        'OTP_EXPIRED',
        'The emailed code has expired; a new one is sent on the next call.',
      );
    }
    if (!valid || !ctx.box.macEquals(code, session.reauth_code_hash ?? ''))
      failOtp(ctx, user.user_id);
  }
  const now = ctx.clock.now();
  ctx.db
    .transaction(() => {
      totp?.record();
      stmt(
        ctx.db,
        `UPDATE sessions SET last_seen_at = ?, clock_skew_sec = ?, reauth_code_hash = NULL, reauth_code_expires_at = NULL
           WHERE token_hash = ?`,
      ).run(now, clockSkewSec, session.token_hash);
      recordSuccess(ctx, user.user_id);
    })
    .immediate();
  const row = { ...session, last_seen_at: now, clock_skew_sec: clockSkewSec };
  return { session: sessionView(ctx, row, findUser(ctx.db, user.user_id) ?? user, token) };
}
