import { afterEach, describe, expect, it } from 'vitest';
import { startHost, SEED_PASSWORDS, T0, signInTotp, type TestHost } from './harness.js';

const DAY = 86_400_000;

describe("password expiry: a user's own password lasts 90 days; the session says until when", () => {
  let host: TestHost;
  afterEach(async () => host?.close());

  async function sessionOf(userId: string) {
    const token = await signInTotp(host, userId);
    return (await host.call('GET', '/session', undefined, token)).body.session;
  }

  it('gives passwordExpiresAt in the session: 90 days after the password was set', async () => {
    host = await startHost();
    expect((await sessionOf('C00101')).passwordExpiresAt).toBe(
      new Date(T0 + 90 * DAY).toISOString(),
    );
    // C00115's password was set 80 days before the seed: 10 days left.
    expect((await sessionOf('C00115')).passwordExpiresAt).toBe(
      new Date(T0 + 10 * DAY).toISOString(),
    );
  });

  it('gives it in the sign-in reply itself (POST /auth/otp)', async () => {
    host = await startHost();
    const login = await host.call('POST', '/auth/login', {
      userId: 'C00115',
      password: SEED_PASSWORDS.C00115,
    });
    const otp = await host.call('POST', '/auth/otp', {
      challengeId: login.body.challengeId,
      code: host.sim.currentTotp('C00115'),
    });
    expect(otp.body.session.passwordExpiresAt).toBe(new Date(T0 + 10 * DAY).toISOString());
  });

  it('refuses the right password once it has expired: PASSWORD_EXPIRED 403, after the hash', async () => {
    host = await startHost();
    host.clock.advance(10 * DAY - 1000);
    const before = await host.call('POST', '/auth/login', {
      userId: 'C00115',
      password: SEED_PASSWORDS.C00115,
    });
    expect(before.status).toBe(200);
    host.clock.advance(1000);
    const after = await host.call('POST', '/auth/login', {
      userId: 'C00115',
      password: SEED_PASSWORDS.C00115,
    });
    expect([after.status, after.body.error.code]).toEqual([403, 'PASSWORD_EXPIRED']);
    // A wrong password still reads as wrong: expiry is told only to the password's holder.
    const wrong = await host.call('POST', '/auth/login', {
      userId: 'C00115',
      password: 'Wrong-Pass-000!',
    });
    expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
  });

  it('gives null with passwordMaxAgeDays 0 (no expiry), and C00115 signs in', async () => {
    host = await startHost({ passwordMaxAgeDays: 0 });
    expect((await sessionOf('C00115')).passwordExpiresAt).toBeNull();
  });
});
