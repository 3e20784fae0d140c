import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, SEED_PASSWORDS, latestCode, type TestHost } from '../simulator/harness.js';

describe('attack: replay and reuse of one-time credentials', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());
  const login = (userId: string) =>
    host.call('POST', '/auth/login', { userId, password: SEED_PASSWORDS[userId] });

  it('TOTP replay: a code that signed in once is refused in a new challenge of the same 30 s', async () => {
    const code = host.sim.currentTotp('C00101');
    const first = await login('C00101');
    const ok = await host.call('POST', '/auth/otp', { challengeId: first.body.challengeId, code });
    expect(ok.status).toBe(200);
    const second = await login('C00101');
    const replay = await host.call('POST', '/auth/otp', {
      challengeId: second.body.challengeId,
      code,
    });
    expect([replay.status, replay.body.error.code]).toEqual([401, 'OTP_REUSED']);
  });

  it('email code reuse: a completed challenge answered again is OTP_REUSED, no second session', async () => {
    const c = await login('C00102');
    const code = await latestCode(host, 'C00102');
    expect(
      (await host.call('POST', '/auth/otp', { challengeId: c.body.challengeId, code })).status,
    ).toBe(200);
    const again = await host.call('POST', '/auth/otp', { challengeId: c.body.challengeId, code });
    expect([again.status, again.body.error.code]).toEqual([401, 'OTP_REUSED']);
  });

  it('old email code after a resend: only the newest code works', async () => {
    const c = await login('C00102');
    let old = await latestCode(host, 'C00102');
    let fresh = old;
    // Two sends may draw the same six digits (one in a million): send again until they differ.
    while (fresh === old) {
      host.clock.advance(30_000);
      old = fresh;
      await host.call('POST', '/auth/otp/resend', { challengeId: c.body.challengeId });
      fresh = await latestCode(host, 'C00102');
    }
    const stale = await host.call('POST', '/auth/otp', {
      challengeId: c.body.challengeId,
      code: old,
    });
    expect([stale.status, stale.body.error.code]).toEqual([401, 'OTP_INVALID']);
    const ok = await host.call('POST', '/auth/otp', {
      challengeId: c.body.challengeId,
      code: fresh,
    });
    expect(ok.status).toBe(200);
  });

  it("another user's challenge: the attacker's own valid code does not answer the victim's challenge", async () => {
    const victim = await login('C00101');
    const attackerCode = host.sim.currentTotp('C00191');
    const r = await host.call('POST', '/auth/otp', {
      challengeId: victim.body.challengeId,
      code: attackerCode,
    });
    expect([r.status, r.body.error.code]).toEqual([401, 'OTP_INVALID']);
    const forged = await host.call('POST', '/auth/otp', {
      challengeId: 'not-a-challenge-id-of-anyone',
      code: attackerCode,
    });
    expect([forged.status, forged.body.error.code]).toEqual([410, 'CHALLENGE_EXPIRED']);
  });

  it('init token reuse: once initialization is done, its token opens nothing', async () => {
    const init = await login('C00103');
    const token = init.body.initToken as string;
    await host.call('POST', '/init/password', {
      initToken: token,
      newPassword: 'Harbour-Lights-88!',
    });
    await host.call('POST', '/init/channel', { initToken: token, channel: 'email' });
    const done = await host.call('POST', '/init/channel/confirm', {
      initToken: token,
      code: await latestCode(host, 'C00103'),
    });
    expect(done.status).toBe(200);
    for (const [path, body] of [
      ['/init/password', { initToken: token, newPassword: 'Another-Pass-99!' }],
      ['/init/channel', { initToken: token, channel: 'totp' }],
      ['/init/channel/confirm', { initToken: token, code: '123456' }],
    ] as const) {
      const r = await host.call('POST', path, body);
      expect([r.status, r.body.error.code], path).toEqual([401, 'INIT_TOKEN_INVALID']);
    }
  });
});
