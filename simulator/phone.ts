import type { Db } from './store/db.js';
import type { SecretBox } from './auth/secrets.js';
import { findUser } from './store/users.js';
import { totpAt } from './auth/totp.js';

/**
 * Plays a user's authenticator app: the code for `nowMs` (+ `offsetSteps` steps). Reads the sealed
 * secret from the database, so it works from another process (`npm run sim -- otp`).
 */
export function currentTotpOf(
  db: Db,
  box: SecretBox,
  userId: string,
  nowMs: number,
  offsetSteps = 0,
): string {
  const user = findUser(db, userId);
  if (user === undefined) throw new Error(`no user ${userId}`);
  if (user.channel !== 'totp' || user.totp_secret_enc === null) {
    throw new Error(
      `${user.user_id} has no authenticator app enrolled (channel: ${user.channel ?? 'none'})`,
    );
  }
  return totpAt(box.open(user.totp_secret_enc), nowMs, offsetSteps);
}
