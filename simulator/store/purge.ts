import type { Clock } from '../clock.js';
import { stmt, type Db } from './db.js';

const HOUR = 60 * 60 * 1000;

/**
 * Deletes what can no longer matter: challenges and init tokens an hour past their end, sessions
 * a day past theirs. Keeps the database small on a simulator that runs for weeks.
 */
export function purgeExpired(db: Db, nowMs: number): void {
  db.transaction(() => {
    stmt(db, 'DELETE FROM challenges WHERE expires_at < ?').run(nowMs - HOUR);
    stmt(db, 'DELETE FROM init_tokens WHERE expires_at < ?').run(nowMs - HOUR);
    stmt(db, 'DELETE FROM sessions WHERE expires_at < ? OR revoked_at < ?').run(
      nowMs - 24 * HOUR,
      nowMs - 24 * HOUR,
    );
  }).immediate();
}

/** Purges now and every `everyMs` (the timer does not keep the process alive). */
export function startPurging(db: Db, clock: Clock, everyMs = 10 * 60 * 1000): () => void {
  purgeExpired(db, clock.now());
  const timer = setInterval(() => purgeExpired(db, clock.now()), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
