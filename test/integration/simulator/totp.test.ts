import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, SEED_PASSWORDS, nextStep, type TestHost } from './harness.js';

describe('TOTP: RFC 6238, ±1 step, never the same step twice', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  async function challenge(userId = 'C00101'): Promise<string> {
    const r = await host.call('POST', '/auth/login', { userId, password: SEED_PASSWORDS[userId] });
    expect(r.body.next).toBe('otp');
    return r.body.challengeId as string;
  }

  it('accepts the code of the step before and after, reporting the phone clock offset as clockSkewSec', async () => {
    for (const [offset, skew] of [
      [-1, -30],
      [0, 0],
      [1, 30],
    ] as const) {
      const id = await challenge();
      const r = await host.call('POST', '/auth/otp', {
        challengeId: id,
        code: host.sim.currentTotp('C00101', offset),
      });
      expect(r.status).toBe(200);
      expect(r.body.session.clockSkewSec).toBe(skew);
      // Three steps on, so the previous accepted step is behind every window used next.
      host.clock.advance(90_000);
    }
  });

  it('refuses the code of two steps before or after with OTP_INVALID and attempts left', async () => {
    const id = await challenge();
    const before = await host.call('POST', '/auth/otp', {
      challengeId: id,
      code: host.sim.currentTotp('C00101', -2),
    });
    expect(before.status).toBe(401);
    expect(before.body.error).toMatchObject({ code: 'OTP_INVALID', attemptsLeft: 4 });
    const after = await host.call('POST', '/auth/otp', {
      challengeId: id,
      code: host.sim.currentTotp('C00101', 2),
    });
    expect(after.status).toBe(401);
    expect(after.body.error).toMatchObject({ code: 'OTP_INVALID', attemptsLeft: 3 });
    // The challenge still takes the right code.
    const ok = await host.call('POST', '/auth/otp', {
      challengeId: id,
      code: host.sim.currentTotp('C00101'),
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a replayed code within its step with OTP_REUSED, and any earlier step', async () => {
    const code = host.sim.currentTotp('C00101');
    const first = await host.call('POST', '/auth/otp', { challengeId: await challenge(), code });
    expect(first.status).toBe(200);
    const replay = await host.call('POST', '/auth/otp', { challengeId: await challenge(), code });
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('OTP_REUSED');
    // The previous step's code is inside the ±1 window but older than the step already used.
    const older = await host.call('POST', '/auth/otp', {
      challengeId: await challenge(),
      code: host.sim.currentTotp('C00101', -1),
    });
    expect(older.body.error.code).toBe('OTP_REUSED');
    nextStep(host);
    const fresh = await host.call('POST', '/auth/otp', {
      challengeId: await challenge(),
      code: host.sim.currentTotp('C00101'),
    });
    expect(fresh.status).toBe(200);
  });

  it('answers a completed challenge used again with OTP_REUSED and an unknown one with CHALLENGE_EXPIRED', async () => {
    const id = await challenge();
    expect(
      (
        await host.call('POST', '/auth/otp', {
          challengeId: id,
          code: host.sim.currentTotp('C00101'),
        })
      ).status,
    ).toBe(200);
    nextStep(host);
    const again = await host.call('POST', '/auth/otp', {
      challengeId: id,
      code: host.sim.currentTotp('C00101'),
    });
    expect(again.body.error.code).toBe('OTP_REUSED');
    const unknown = await host.call('POST', '/auth/otp', {
      challengeId: 'no-such-challenge',
      code: '123456',
    });
    expect(unknown.status).toBe(410);
    expect(unknown.body.error.code).toBe('CHALLENGE_EXPIRED');
  });

  it('keeps TOTP secrets encrypted at rest: the database holds no base32 secret', async () => {
    const { openOffline } = await import('../../../simulator/offline.js');
    const off = openOffline(host.dataDir);
    try {
      const rows = off.db
        .prepare('SELECT totp_secret_enc FROM users WHERE totp_secret_enc IS NOT NULL')
        .all() as Array<{ totp_secret_enc: string }>;
      expect(rows.length).toBe(7); // C00101, C00104, C00105, C00110, C00115, C00191, C00192
      for (const r of rows) {
        expect(r.totp_secret_enc.startsWith('v1.')).toBe(true);
        expect(off.box.open(r.totp_secret_enc)).toMatch(/^[A-Z2-7]{32}$/);
      }
    } finally {
      off.close();
    }
  });
});
