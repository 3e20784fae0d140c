import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { latestCode, SEED_PASSWORDS, signInTotp, startHost, type TestHost } from './harness.js';

const MIN = 60_000;

/** Signs an email-channel user in with the emailed code; returns the session token. */
async function signInEmail(host: TestHost, userId: string): Promise<string> {
  const login = await host.call('POST', '/auth/login', {
    userId,
    password: SEED_PASSWORDS[userId],
  });
  const otp = await host.call('POST', '/auth/otp', {
    challengeId: login.body.challengeId,
    code: await latestCode(host, userId),
  });
  if (otp.status !== 200) throw new Error(`otp ${userId}: ${otp.raw}`);
  return otp.body.session.token as string;
}

describe('a locked session: the step-up code by email, and when the next may be sent', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  it('emails an email-channel user a step-up code, SESSION_LOCKED giving resendAvailableAt 30 s after each send', async () => {
    const token = await signInEmail(host, 'C00102');
    host.clock.advance(15 * MIN);
    const sentAt = host.clock.now();
    const first = await host.call('GET', '/session', undefined, token);
    expect([first.status, first.body.error.code]).toEqual([401, 'SESSION_LOCKED']);
    expect(first.body.error.resendAvailableAt).toBe(new Date(sentAt + 30_000).toISOString());
    expect((await host.sim.outbox('C00102')).length).toBe(2);

    // Within the cooldown no mail goes out, and the time stays that of the last send.
    host.clock.advance(10_000);
    const again = await host.call('GET', '/session', undefined, token);
    expect(again.body.error.resendAvailableAt).toBe(new Date(sentAt + 30_000).toISOString());
    expect((await host.sim.outbox('C00102')).length).toBe(2);

    // Once it has passed, the next call mails a new code and the clock restarts from that send.
    host.clock.advance(20_000);
    const later = await host.call('GET', '/session', undefined, token);
    expect(later.body.error.resendAvailableAt).toBe(
      new Date(host.clock.now() + 30_000).toISOString(),
    );
    expect((await host.sim.outbox('C00102')).length).toBe(3);
    const code = await latestCode(host, 'C00102');
    const ok = await host.call('POST', '/session/reauth', { code }, token);
    expect(ok.status).toBe(200);
  });

  it('gives a TOTP user no resendAvailableAt: nothing is mailed', async () => {
    const token = await signInTotp(host, 'C00101');
    host.clock.advance(15 * MIN);
    const locked = await host.call('GET', '/session', undefined, token);
    expect(locked.body.error.code).toBe('SESSION_LOCKED');
    expect(locked.body.error).not.toHaveProperty('resendAvailableAt');
  });
});
