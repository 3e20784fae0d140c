import { CcmsError } from '../../shared/errors.js';
import { iso } from '../clock.js';
import type { SimContext } from '../context.js';
import { clearLockout, lockoutOf, revokeSessions, saveLockout } from '../store/users.js';

/** Throws ACCOUNT_LOCKED while a lock lasts; forgets a lock (and its count) once it has ended. */
export function assertNotLocked(ctx: SimContext, key: string): void {
  const row = lockoutOf(ctx.db, key);
  if (row.locked_until === null) return;
  if (row.locked_until > ctx.clock.now()) throw lockedError(row.locked_until);
  clearLockout(ctx.db, key);
}

/** The error for a locked account. */
export function lockedError(lockedUntilMs: number): CcmsError {
  return new CcmsError('ACCOUNT_LOCKED', 'The account is locked after too many failed attempts.', {
    lockedUntil: iso(lockedUntilMs),
  });
}

/**
 * Counts one failure (password or OTP). At the threshold the account locks and its sessions end;
 * the caller then answers ACCOUNT_LOCKED instead of the failure itself.
 */
export function recordFailure(
  ctx: SimContext,
  key: string,
): { attemptsLeft: number; lockedUntil?: number } {
  const row = lockoutOf(ctx.db, key);
  const now = ctx.clock.now();
  // A count nobody added to for a day is forgotten, here as by the purge (store/purge.ts), for
  // every key alike: a known and an unknown user ID must keep answering the same.
  const remembered = row.updated_at > now - ctx.settings.lockoutFailureMemorySec * 1000;
  const failures = (remembered ? row.failures : 0) + 1;
  const threshold = ctx.settings.lockoutThreshold;
  if (failures >= threshold) {
    const lockedUntil = now + ctx.settings.lockoutDurationSec * 1000;
    saveLockout(ctx.db, { user_key: key, failures, locked_until: lockedUntil, updated_at: now });
    revokeSessions(ctx.db, key, now);
    return { attemptsLeft: 0, lockedUntil };
  }
  saveLockout(ctx.db, { user_key: key, failures, locked_until: null, updated_at: now });
  return { attemptsLeft: threshold - failures };
}

/** A success resets the count of consecutive failures. */
export function recordSuccess(ctx: SimContext, key: string): void {
  clearLockout(ctx.db, key);
}

/** Throws the right error for a wrong OTP: OTP_INVALID with attempts left, or ACCOUNT_LOCKED. */
export function failOtp(
  ctx: SimContext,
  key: string,
  code: 'OTP_INVALID' | 'OTP_REUSED' = 'OTP_INVALID',
): never {
  const outcome = ctx.db.transaction(() => recordFailure(ctx, key)).immediate();
  if (outcome.lockedUntil !== undefined) throw lockedError(outcome.lockedUntil);
  if (code === 'OTP_REUSED') {
    throw new CcmsError(
      'OTP_REUSED',
      'This one-time password was already used; wait for the next one.',
    );
  }
  throw new CcmsError('OTP_INVALID', 'The one-time password is wrong.', {
    attemptsLeft: outcome.attemptsLeft,
  });
}
