import type { Clock } from '../clock.js';
import { DEFAULT_SETTINGS, type SimSettings } from '../settings.js';
import { stmt, type Db } from './db.js';

const HOUR = 60 * 60 * 1000;

/** The settings the purge follows. */
export type PurgeSettings = Pick<SimSettings, 'lockoutFailureMemorySec' | 'lockoutMaxRows'>;

// Lockout rows are keyed by whatever user ID is typed, so without a purge anyone could grow the
// table at will. Every key is treated alike (known or not), so the purge tells nothing either.
function purgeLockouts(db: Db, nowMs: number, settings: PurgeSettings): void {
  stmt(
    db,
    `DELETE FROM lockouts WHERE (locked_until IS NOT NULL AND locked_until <= ?)
       OR (locked_until IS NULL AND updated_at <= ?)`,
  ).run(nowMs, nowMs - settings.lockoutFailureMemorySec * 1000);
  const { n } = stmt(db, 'SELECT COUNT(*) AS n FROM lockouts').get() as { n: number };
  if (n <= settings.lockoutMaxRows) return;
  // Over the bound (a flood from many addresses): the oldest counts go first, live locks last.
  stmt(
    db,
    `DELETE FROM lockouts WHERE user_key IN (
       SELECT user_key FROM lockouts ORDER BY locked_until IS NOT NULL, updated_at LIMIT ?)`,
  ).run(n - settings.lockoutMaxRows);
}

/**
 * Deletes what can no longer matter: challenges and init tokens an hour past their end, sessions
 * a day past theirs, ended locks and failure counts past `lockoutFailureMemorySec`. Keeps the
 * database small on a simulator that runs for weeks.
 */
export function purgeExpired(
  db: Db,
  nowMs: number,
  settings: PurgeSettings = DEFAULT_SETTINGS,
): void {
  db.transaction(() => {
    stmt(db, 'DELETE FROM challenges WHERE expires_at < ?').run(nowMs - HOUR);
    stmt(db, 'DELETE FROM init_tokens WHERE expires_at < ?').run(nowMs - HOUR);
    stmt(db, 'DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?').run(
      nowMs - 24 * HOUR,
      nowMs - 24 * HOUR,
    );
    purgeLockouts(db, nowMs, settings);
  }).immediate();
}

/** Purges now and every `everyMs` (the timer does not keep the process alive). */
export function startPurging(
  db: Db,
  clock: Clock,
  settings: PurgeSettings = DEFAULT_SETTINGS,
  everyMs = 10 * 60 * 1000,
): () => void {
  purgeExpired(db, clock.now(), settings);
  const timer = setInterval(() => purgeExpired(db, clock.now(), settings), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
