import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openOffline } from '../../../simulator/offline.js';
import { startHost, SEED_PASSWORDS, T0, type TestHost } from './harness.js';

const DAY = 24 * 60 * 60 * 1000;

function lockoutKeys(dataDir: string): string[] {
  const off = openOffline(dataDir);
  try {
    return (
      off.db.prepare('SELECT user_key FROM lockouts ORDER BY user_key').all() as Array<{
        user_key: string;
      }>
    ).map((r) => r.user_key);
  } finally {
    off.close();
  }
}

describe('lockout rows of typed user IDs, known or not, do not pile up', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccms-sim-lockrows-'));
  let host: TestHost | undefined;
  afterEach(async () => {
    await host?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('purges the counts of unknown IDs a day after their last failure (at the next purge: each start, then every 10 min)', async () => {
    host = await startHost({ loginRateLimitFailures: 0 }, dataDir);
    const wrong = (userId: string) =>
      host?.call('POST', '/auth/login', { userId, password: 'Wrong-Pass-000!' });
    for (let i = 0; i < 20; i++) await wrong(`GUESS${i}`);
    await wrong('C00101');
    expect(lockoutKeys(dataDir).length).toBe(22); // 20 guesses, C00101, the seeded lock of C00104
    await host.close();
    host = await startHost({ loginRateLimitFailures: 0 }, dataDir, undefined, T0 + DAY + 1);
    expect(lockoutKeys(dataDir)).toEqual(['C00104']);
  });

  it('forgets a day-old count alike for a known and an unknown ID: neither locks at the 5th failure a day later', async () => {
    host = await startHost({}, dataDir);
    const h = host;
    const wrong = (userId: string) =>
      h.call('POST', '/auth/login', { userId, password: 'Wrong-Pass-000!' });
    for (let i = 0; i < 4; i++) {
      await wrong('C00101');
      await wrong('C09999');
    }
    h.clock.advance(DAY + 1);
    const known = await wrong('C00101');
    const unknown = await wrong('C09999');
    expect([known.status, known.body.error.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    expect(unknown.body).toEqual(known.body);
    expect(
      (await h.call('POST', '/auth/login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 }))
        .status,
    ).toBe(200);
  });
});
