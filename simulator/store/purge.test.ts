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
});
