import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { startHost, SEED_PASSWORDS, latestCode, type TestHost } from './harness.js';

const SEC = 1000;

describe('email OTP: 6 digits, 5 minutes, single use, resend after 30 s, at most 5 sends, in a 10-minute challenge', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  async function emailLogin(): Promise<{
    challengeId: string;
    expiresAt: string;
    codeExpiresAt: string;
    resendAvailableAt: string;
    resendsLeft: number;
  }> {
    const r = await host.call('POST', '/auth/login', {
      userId: 'C00102',
      password: SEED_PASSWORDS.C00102,
    });
    expect(r.body).toMatchObject({ next: 'otp', channel: 'email' });
    return r.body;
  }

  it('sends a six-digit code valid 5 minutes, resendable after 30 seconds, in a 10-minute challenge', async () => {
    const c = await emailLogin();
    expect(Date.parse(c.codeExpiresAt)).toBe(host.clock.now() + 300 * SEC);
    expect(Date.parse(c.expiresAt)).toBe(host.clock.now() + 600 * SEC);
    expect(Date.parse(c.resendAvailableAt)).toBe(host.clock.now() + 30 * SEC);
    expect(c.resendsLeft).toBe(4);
    expect(await latestCode(host, 'C00102')).toMatch(/^\d{6}$/);
  });

  it('accepts the code once: the same challenge answered again is OTP_REUSED', async () => {
    const c = await emailLogin();
    const code = await latestCode(host, 'C00102');
    expect(
      (await host.call('POST', '/auth/otp', { challengeId: c.challengeId, code })).status,
    ).toBe(200);
    const again = await host.call('POST', '/auth/otp', { challengeId: c.challengeId, code });
    expect([again.status, again.body.error.code]).toEqual([401, 'OTP_REUSED']);
  });

  it('accepts the code at 4:59 and refuses it at 5:00', async () => {
    const c = await emailLogin();
    const code = await latestCode(host, 'C00102');
    host.clock.advance(299 * SEC);
    expect(
      (await host.call('POST', '/auth/otp', { challengeId: c.challengeId, code })).status,
    ).toBe(200);
    const d = await emailLogin();
    host.clock.advance(300 * SEC);
    const late = await host.call('POST', '/auth/otp', {
      challengeId: d.challengeId,
      code: await latestCode(host, 'C00102'),
    });
    expect([late.status, late.body.error.code]).toEqual([401, 'OTP_EXPIRED']);
  });

  it('keeps the challenge after an expired code: a new code is sent and signs in, and no attempt was counted', async () => {
    const c = await emailLogin();
    host.clock.advance(301 * SEC);
    for (let i = 0; i < 5; i++) {
      // Five expired answers would lock the account if an expired code counted as a failure.
      const expired = await host.call('POST', '/auth/otp', {
        challengeId: c.challengeId,
        code: await latestCode(host, 'C00102'),
      });
      expect([expired.status, expired.body.error.code]).toEqual([401, 'OTP_EXPIRED']);
    }
    const resent = await host.call('POST', '/auth/otp/resend', { challengeId: c.challengeId });
    expect(resent.status).toBe(200);
    // The new code has its own 5 minutes, within the challenge's 10; the challenge does not move.
    expect(resent.body).toMatchObject({ expiresAt: c.expiresAt, resendsLeft: 3 });
    expect(Date.parse(resent.body.codeExpiresAt)).toBe(host.clock.now() + 299 * SEC);
    const ok = await host.call('POST', '/auth/otp', {
      challengeId: c.challengeId,
      code: await latestCode(host, 'C00102'),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.session.user.userId).toBe('C00102');
  });

  it('ends the challenge itself at 10:00, whatever code is typed: CHALLENGE_EXPIRED', async () => {
    const c = await emailLogin();
    host.clock.advance(300 * SEC);
    expect(
      (await host.call('POST', '/auth/otp/resend', { challengeId: c.challengeId })).status,
    ).toBe(200);
    host.clock.advance(300 * SEC);
    const late = await host.call('POST', '/auth/otp', {
      challengeId: c.challengeId,
      code: await latestCode(host, 'C00102'),
    });
    expect([late.status, late.body.error.code]).toEqual([410, 'CHALLENGE_EXPIRED']);
    const resend = await host.call('POST', '/auth/otp/resend', { challengeId: c.challengeId });
    expect([resend.status, resend.body.error.code]).toEqual([410, 'CHALLENGE_EXPIRED']);
  });

  it('answers OTP_EXPIRED when the code ends before its challenge (emailOtpTtlSec 60)', async () => {
    await host.close();
    host = await startHost({ emailOtpTtlSec: 60 });
    const c = await emailLogin();
    host.clock.advance(60 * SEC);
    const r = await host.call('POST', '/auth/otp', {
      challengeId: c.challengeId,
      code: await latestCode(host, 'C00102'),
    });
    expect([r.status, r.body.error.code]).toEqual([401, 'OTP_EXPIRED']);
  });

  it('refuses a resend before 30 seconds with retryAfterSec, then replaces the code', async () => {
    const c = await emailLogin();
    const first = await latestCode(host, 'C00102');
    host.clock.advance(29 * SEC);
    const early = await host.call('POST', '/auth/otp/resend', { challengeId: c.challengeId });
    expect(early.status).toBe(429);
    expect(early.body.error).toMatchObject({ code: 'RESEND_TOO_SOON', retryAfterSec: 1 });
    host.clock.advance(1 * SEC);
    const ok = await host.call('POST', '/auth/otp/resend', { challengeId: c.challengeId });
    expect(ok.status).toBe(200);
    // The new code has 5 minutes from its own send; the challenge keeps its end.
    expect(Date.parse(ok.body.codeExpiresAt)).toBe(host.clock.now() + 300 * SEC);
    expect(ok.body.expiresAt).toBe(c.expiresAt);
    const second = await latestCode(host, 'C00102');
    expect((await host.sim.outbox('C00102')).length).toBe(2);
    if (second !== first) {
      const old = await host.call('POST', '/auth/otp', { challengeId: c.challengeId, code: first });
      expect(old.body.error.code).toBe('OTP_INVALID');
    }
    expect(
      (await host.call('POST', '/auth/otp', { challengeId: c.challengeId, code: second })).status,
    ).toBe(200);
  });

  it('allows at most 5 sends per challenge (the first included)', async () => {
    const c = await emailLogin();
    for (let i = 2; i <= 5; i++) {
      host.clock.advance(30 * SEC);
      expect(
        (await host.call('POST', '/auth/otp/resend', { challengeId: c.challengeId })).status,
      ).toBe(200);
    }
    host.clock.advance(30 * SEC);
    const sixth = await host.call('POST', '/auth/otp/resend', { challengeId: c.challengeId });
    expect([sixth.status, sixth.body.error.code]).toEqual([429, 'RESEND_LIMIT']);
    expect((await host.sim.outbox('C00102')).length).toBe(5);
  });

  it('keeps a challenge to its 10 minutes however often the code is resent', async () => {
    const c = await emailLogin();
    const end = host.clock.now() + 600 * SEC;
    for (let i = 2; i <= 5; i++) {
      host.clock.advance(i === 5 ? 410 * SEC : 30 * SEC);
      const r = await host.call('POST', '/auth/otp/resend', { challengeId: c.challengeId });
      expect(r.status).toBe(200);
      expect(Date.parse(r.body.codeExpiresAt)).toBeLessThanOrEqual(end);
      expect(Date.parse(r.body.expiresAt)).toBe(end);
      expect(r.body.resendsLeft).toBe(5 - i);
    }
    // The last code was sent at 8:20: its mail names the challenge's end, not 13:20.
    expect(Date.parse(c.expiresAt)).toBe(end);
    expect((await host.sim.outbox('C00102'))[0]?.text).toContain(
      `Expires: ${new Date(end).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    );
    host.clock.set(end);
    const late = await host.call('POST', '/auth/otp', {
      challengeId: c.challengeId,
      code: await latestCode(host, 'C00102'),
    });
    expect([late.status, late.body.error.code]).toEqual([410, 'CHALLENGE_EXPIRED']);
  });

  it('refuses a resend for a TOTP challenge with INVALID_REQUEST', async () => {
    const r = await host.call('POST', '/auth/login', {
      userId: 'C00101',
      password: SEED_PASSWORDS.C00101,
    });
    const resend = await host.call('POST', '/auth/otp/resend', { challengeId: r.body.challengeId });
    expect([resend.status, resend.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
  });
});

describe('email OTP when SMTP fails (fault injected: a relay that rejects every message)', () => {
  let relay: SMTPServer;
  let port = 0;
  let reject = false;
  const received: string[] = [];
  let host: TestHost;

  beforeEach(async () => {
    reject = false;
    received.length = 0;
    relay = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onData(stream, _session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (reject)
            return cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
          received.push(Buffer.concat(chunks).toString('utf8'));
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
    port = (relay.server.address() as { port: number }).port;
    host = await startHost({ smtpHost: '127.0.0.1', smtpPort: port });
  });
  afterEach(async () => {
    await host.close();
    await new Promise<void>((resolve) => relay.close(() => resolve()));
  });

  it('answers EMAIL_DELIVERY_FAILED 502 at login, and a later login works', async () => {
    reject = true;
    const r = await host.call('POST', '/auth/login', {
      userId: 'C00102',
      password: SEED_PASSWORDS.C00102,
    });
    expect([r.status, r.body.error.code]).toEqual([502, 'EMAIL_DELIVERY_FAILED']);
    reject = false;
    const ok = await host.call('POST', '/auth/login', {
      userId: 'C00102',
      password: SEED_PASSWORDS.C00102,
    });
    expect(ok.status).toBe(200);
    expect(received.length).toBe(1);
  });

  it('does not consume the challenge when a resend fails: the first code still works', async () => {
    const login = await host.call('POST', '/auth/login', {
      userId: 'C00102',
      password: SEED_PASSWORDS.C00102,
    });
    const code = /Code: (\d{6})/.exec(
      Buffer.from(
        received[0]?.split(/\r?\n\r?\n/)[1]?.replace(/\s+/g, '') ?? '',
        'base64',
      ).toString('utf8'),
    )?.[1];
    expect(code).toMatch(/^\d{6}$/);
    reject = true;
    host.clock.advance(30_000);
    const failed = await host.call('POST', '/auth/otp/resend', {
      challengeId: login.body.challengeId,
    });
    expect([failed.status, failed.body.error.code]).toEqual([502, 'EMAIL_DELIVERY_FAILED']);
    const ok = await host.call('POST', '/auth/otp', { challengeId: login.body.challengeId, code });
    expect(ok.status).toBe(200);
  });
});
