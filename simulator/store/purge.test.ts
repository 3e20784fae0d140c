import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { purgeExpired } from './purge.js';

describe('purgeExpired', () => {
  it('drops challenges, init tokens and sessions long past their end, keeps the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccms-purge-'));
    const db = openDatabase(join(dir, 'sim.db'));
    try {
      const now = Date.UTC(2026, 0, 5);
      const h = 60 * 60 * 1000;
      db.exec(`INSERT INTO participants VALUES ('CP001', 'x');
        INSERT INTO users (user_id, participant_id, name, roles, password_hash, created_at)
          VALUES ('U1', 'CP001', 'u', '["user"]', 'h', 0);`);
      const ch = db.prepare(
        `INSERT INTO challenges (id_hash, user_id, channel, created_at, expires_at) VALUES (?, 'U1', 'totp', 0, ?)`,
      );
      ch.run('old', now - 2 * h);
      ch.run('recent', now - h / 2);
      const se = db.prepare(
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at, revoked_at) VALUES (?, 'U1', 0, ?, 0, ?)`,
      );
      se.run('expired', now - 25 * h, null);
      se.run('revoked', now + h, now - 25 * h);
      se.run('live', now + h, null);
      purgeExpired(db, now);
      expect(db.prepare('SELECT id_hash FROM challenges').all()).toEqual([{ id_hash: 'recent' }]);
      expect(db.prepare('SELECT token_hash FROM sessions').all()).toEqual([{ token_hash: 'live' }]);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('forgets lockout counts a day without a failure and ended locks, for any user key, and bounds the rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccms-purge-'));
    const db = openDatabase(join(dir, 'sim.db'));
    try {
      const now = Date.UTC(2026, 0, 5);
      const h = 60 * 60 * 1000;
      const row = db.prepare(
        'INSERT INTO lockouts (user_key, failures, locked_until, updated_at) VALUES (?, ?, ?, ?)',
      );
      row.run('STALE-COUNT', 3, null, now - 25 * h);
      row.run('RECENT-COUNT', 3, null, now - h);
      row.run('ENDED-LOCK', 5, now - 1, now - 2 * h);
      row.run('LIVE-LOCK', 5, now + h, now - 2 * h);
      const keys = () =>
        (
          db.prepare('SELECT user_key FROM lockouts ORDER BY user_key').all() as Array<{
            user_key: string;
          }>
        ).map((r) => r.user_key);
      purgeExpired(db, now);
      expect(keys()).toEqual(['LIVE-LOCK', 'RECENT-COUNT']);
      for (let i = 0; i < 5; i++) row.run(`NEW-${i}`, 1, null, now - 10 * 60_000 + i);
      purgeExpired(db, now, { lockoutFailureMemorySec: 86_400, lockoutMaxRows: 4 });
      // Over the bound: the oldest counts go first, a live lock last.
      expect(keys()).toEqual(['LIVE-LOCK', 'NEW-2', 'NEW-3', 'NEW-4']);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
