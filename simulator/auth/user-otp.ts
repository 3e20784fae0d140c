import { CcmsError } from '../../shared/errors.js';
import type { SimContext } from '../context.js';
import { findUser, type UserRow } from '../store/users.js';
import { failOtp } from './lockout.js';
import { checkTotp } from './totp.js';
import { stmt } from '../store/db.js';

/** A TOTP code that matched: the step to record and the phone's clock offset. */
export interface AcceptedTotp {
  step: number;
  clockSkewSec: number;
  /** Records the step so it is never accepted again; call it in the caller's success transaction. */
  record(): void;
}

/**
 * Checks a TOTP code against a sealed secret. A wrong or replayed code counts toward lockout and
 * throws. On a match the caller must `record()` the step before any await, so that no other
 * request can use the same step (everything from the check to the write is synchronous).
 */
export function acceptTotp(
  ctx: SimContext,
  userId: string,
  sealedSecret: string,
  code: string,
): AcceptedTotp {
  const fresh = findUser(ctx.db, userId);
  if (fresh === undefined) throw new CcmsError('INVALID_REQUEST', 'The user no longer exists.');
  const secret = ctx.box.open(sealedSecret);
  const result = checkTotp(
    secret,
    code,
    ctx.clock.now(),
    ctx.settings.totpWindowSteps,
    fresh.last_totp_step,
  );
  if (!result.ok)
    failOtp(ctx, fresh.user_id, result.reason === 'reused' ? 'OTP_REUSED' : 'OTP_INVALID');
  const step = result.step;
  // One commit per login matters: with synchronous=FULL each commit is an fsync on the event loop.
  return {
    step,
    clockSkewSec: result.clockSkewSec,
    record: () =>
      stmt(ctx.db, 'UPDATE users SET last_totp_step = ? WHERE user_id = ?').run(
        step,
        fresh.user_id,
      ),
  };
}

/** The user's enrolled TOTP secret (sealed), or an error when the user has none. */
export function sealedSecretOf(user: UserRow): string {
  if (user.channel !== 'totp' || user.totp_secret_enc === null) {
    throw new CcmsError('INVALID_REQUEST', 'This user has no authenticator app enrolled.');
  }
  return user.totp_secret_enc;
}

/**
 * When a DA's temporary email OTP exception for this user ends, while it holds; else null. It
 * holds for a TOTP user with a registered email until `temp_email_otp_until` (docs/protocol.md).
 */
export function tempEmailOtpUntilOf(user: UserRow, nowMs: number): number | null {
  const until = user.temp_email_otp_until;
  if (until === null || nowMs >= until) return null;
  return user.channel === 'totp' && user.email !== null ? until : null;
}

/** The channel a user's one-time passwords come by now: email while an exception holds. */
export function otpChannelOf(user: UserRow, nowMs: number): 'totp' | 'email' | null {
  return tempEmailOtpUntilOf(user, nowMs) === null ? user.channel : 'email';
}
