import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeAndApprove } from './dms-helpers.js';
import { startHost, SEED_PASSWORDS, signInTotp, type TestHost } from './harness.js';

const MIN = 60_000;

describe('lockout: 5 consecutive failures lock for 15 minutes; a success resets; a DA unlocks', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  const wrong = (userId: string) =>
    host.call('POST', '/auth/login', { userId, password: 'Wrong-Pass-000!' });
  const right = (userId: string) =>
    host.call('POST', '/auth/login', { userId, password: SEED_PASSWORDS[userId] });

  it('locks at the 5th wrong password for exactly 15 minutes', async () => {
    for (let i = 1; i <= 4; i++) {
      const r = await wrong('C00101');
      expect([r.status, r.body.error.code]).toEqual([401, 'INVALID_CREDENTIALS']);
    }
    const fifth = await wrong('C00101');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    const lockedUntil = Date.parse(fifth.body.error.lockedUntil as string);
    expect(lockedUntil).toBe(host.clock.now() + 15 * MIN);
    // Even the right password is refused while locked.
    host.clock.advance(15 * MIN - 1);
    expect((await right('C00101')).body.error.code).toBe('ACCOUNT_LOCKED');
    host.clock.advance(1);
    const after = await right('C00101');
    expect(after.status).toBe(200);
    expect(after.body.next).toBe('otp');
  });

  it('says how many password attempts are left, and how long the lock at 0 lasts', async () => {
    const left: unknown[] = [];
    for (let i = 1; i <= 4; i++) left.push((await wrong('C00101')).body.error);
    expect(left).toEqual(
      [4, 3, 2, 1].map((attemptsLeft) => ({
        code: 'INVALID_CREDENTIALS',
        message: 'The user ID or password is wrong.',
        attemptsLeft,
        lockDurationSec: 900,
      })),
    );
  });

  it('counts attempts left per submitted user ID, known or not: an unknown ID reads like a known one', async () => {
    // A known user already failed twice; a fresh unknown ID and a fresh known one start alike.
    await wrong('C00102');
    await wrong('C00102');
    const unknown = await wrong('C09998');
    const known = await wrong('C00101');
    expect(unknown.body.error.attemptsLeft).toBe(4);
    expect(unknown.body).toEqual(known.body);
    expect((await wrong('C00102')).body.error.attemptsLeft).toBe(2);
  });

  it('counts OTP failures with the password failures, reporting attempts left', async () => {
    await wrong('C00101');
    await wrong('C00101');
    const login = await right('C00101');
    const bad = { challengeId: login.body.challengeId, code: host.sim.currentTotp('C00101', 3) };
    const third = await host.call('POST', '/auth/otp', bad);
    expect(third.body.error).toMatchObject({ code: 'OTP_INVALID', attemptsLeft: 2 });
    const fourth = await host.call('POST', '/auth/otp', bad);
    expect(fourth.body.error).toMatchObject({ code: 'OTP_INVALID', attemptsLeft: 1 });
    const fifth = await host.call('POST', '/auth/otp', bad);
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('ACCOUNT_LOCKED');
    // The challenge cannot be finished while locked, even with the right code.
    const good = await host.call('POST', '/auth/otp', {
      challengeId: login.body.challengeId,
      code: host.sim.currentTotp('C00101'),
    });
    expect(good.body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('resets the count after a successful sign-in', async () => {
    for (let i = 0; i < 4; i++) await wrong('C00101');
    await signInTotp(host, 'C00101');
    for (let i = 0; i < 4; i++)
      expect((await wrong('C00101')).body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await wrong('C00101')).body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('answers an unknown user ID exactly like a wrong password, lockout included', async () => {
    for (let i = 1; i <= 5; i++) {
      const known = await wrong('C00101');
      const unknown = await wrong('C09999');
      expect(unknown.status).toBe(known.status);
      expect(unknown.body).toEqual(known.body);
    }
  });

  it('tells a suspended account from another only to the holder of its password (decision in simulator/README.md)', async () => {
    const suspended = await wrong('C00105');
    expect(suspended.status).toBe(401);
    expect(suspended.body).toEqual((await wrong('C00101')).body);
    expect(suspended.body).toEqual((await wrong('C09999')).body);
    const holder = await right('C00105');
    expect([holder.status, holder.body.error.code]).toEqual([403, 'ACCOUNT_SUSPENDED']);
    // Wrong passwords count as on any account; once locked, the right one learns nothing either.
    for (let i = 0; i < 4; i++) await wrong('C00105');
    expect((await right('C00105')).body.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('lets a DA pair unlock a locked user before the 15 minutes end', async () => {
    expect((await right('C00104')).body.error.code).toBe('ACCOUNT_LOCKED');
    // makeAndApprove fails unless both the request and the approval answer 200.
    const approved = await makeAndApprove(host, { action: 'unlock', userId: 'C00104' });
    expect(approved.status).toBe('approved');
    const login = await right('C00104');
    expect(login.status).toBe(200);
    expect(login.body.next).toBe('otp');
  });

  it('answers RATE_LIMITED with retryAfterSec once one client fails too often across accounts', async () => {
    await host.close();
    host = await startHost({ loginRateLimitFailures: 3, loginRateLimitWindowSec: 60 });
    for (const id of ['X1', 'X2', 'X3']) expect((await wrong(id)).status).toBe(401);
    const limited = await wrong('X4');
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterSec: 60 });
    host.clock.advance(60_000);
    expect((await wrong('X5')).status).toBe(401);
  });
});
