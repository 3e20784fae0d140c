import { CcmsError } from '../../shared/errors.js';
import type { SimContext } from '../context.js';
import { findUser, type UserRow } from '../store/users.js';
import { failOtp } from './lockout.js';
import { checkTotp } from './totp.js';

/**
 * Checks a TOTP code against a sealed secret and, on success, records the step so it is never
 * accepted again for this user. Synchronous from read to write: no other request interleaves.
 * A wrong or replayed code counts toward lockout.
 */
export function acceptTotp(ctx: SimContext, userId: string, sealedSecret: string, code: string): { clockSkewSec: number } {
  const fresh = findUser(ctx.db, userId);
  if (fresh === undefined) throw new CcmsError('INVALID_REQUEST', 'The user no longer exists.');
  const secret = ctx.box.open(sealedSecret);
  const result = checkTotp(secret, code, ctx.clock.now(), ctx.settings.totpWindowSteps, fresh.last_totp_step);
  if (!result.ok) failOtp(ctx, fresh.user_id, result.reason === 'reused' ? 'OTP_REUSED' : 'OTP_INVALID');
  ctx.db.prepare('UPDATE users SET last_totp_step = ? WHERE user_id = ?').run(result.step, fresh.user_id);
  return { clockSkewSec: result.clockSkewSec };
}

/** The user's enrolled TOTP secret (sealed), or an error when the user has none. */
export function sealedSecretOf(user: UserRow): string {
  if (user.channel !== 'totp' || user.totp_secret_enc === null) {
    throw new CcmsError('INVALID_REQUEST', 'This user has no authenticator app enrolled.');
  }
  return user.totp_secret_enc;
}
