import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, SEED_PASSWORDS, type TestHost } from '../simulator/harness.js';

const WRONG = 'Wrong-Pass-000!';

describe('attack: brute force and enumeration', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());
  const login = (userId: string, password: string | undefined) =>
    host.call('POST', '/auth/login', { userId, password });

  it('password brute force: the 5th wrong password locks, and then the right one is refused too', async () => {
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await login('C00101', `${WRONG}${i}`)).body.error.code);
    expect(codes).toEqual([...Array(4).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED']);
    const right = await login('C00101', SEED_PASSWORDS.C00101);
    expect([right.status, right.body.error.code]).toEqual([423, 'ACCOUNT_LOCKED']);
  });

  it('OTP brute force: 5 wrong codes across fresh challenges lock, and then the right code is refused', async () => {
    let challengeId = '';
    for (let i = 0; i < 5; i++) {
      challengeId = (await login('C00101', SEED_PASSWORDS.C00101)).body.challengeId as string;
      const wrong = String((Number(host.sim.currentTotp('C00101')) + 500_000) % 1_000_000);
      const r = await host.call('POST', '/auth/otp', { challengeId, code: wrong.padStart(6, '0') });
      expect(r.body.error.code).toBe(i < 4 ? 'OTP_INVALID' : 'ACCOUNT_LOCKED');
    }
    const right = await host.call('POST', '/auth/otp', {
      challengeId,
      code: host.sim.currentTotp('C00101'),
    });
    expect([right.status, right.body.error.code]).toEqual([423, 'ACCOUNT_LOCKED']);
  });

  it('concurrent brute force from one address: 120 guesses at once check at most 30 passwords, none signs in', async () => {
    const before = host.sim.passwordVerifies();
    const guesses = Array.from({ length: 120 }, (_v, i) =>
      i === 119 ? SEED_PASSWORDS.C00101 : `${WRONG}${i}`,
    );
    const replies = await Promise.all(guesses.map((g) => login('C00101', g)));
    expect(host.sim.passwordVerifies() - before).toBeLessThanOrEqual(30);
    expect(replies.filter((r) => r.status === 200)).toEqual([]);
    expect(replies.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(90);
    // Whatever got through locked the account at its 5th failure.
    host.clock.advance(60_000);
    expect((await login('C00101', SEED_PASSWORDS.C00101)).body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('enumeration: an unknown user ID answers as a wrong password (status, body, one argon2 verify), lockout included', async () => {
    for (let i = 1; i <= 6; i++) {
      const v0 = host.sim.passwordVerifies();
      const known = await login('C00101', WRONG);
      const v1 = host.sim.passwordVerifies();
      const unknown = await login('C09999', WRONG);
      const v2 = host.sim.passwordVerifies();
      expect([unknown.status, unknown.body]).toEqual([known.status, known.body]);
      expect(v2 - v1).toBe(v1 - v0);
    }
    // A suspended account with a wrong password says nothing of its suspension.
    const suspended = await login('C00105', WRONG);
    expect([suspended.status, suspended.body]).toEqual([401, (await login('C08888', WRONG)).body]);
  });
});
