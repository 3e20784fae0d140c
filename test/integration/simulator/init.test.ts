import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { totpAt } from '../../../simulator/auth/totp.js';
import { startHost, SEED_PASSWORDS, latestCode, type TestHost } from './harness.js';

const MIN = 60_000;
const NEW_PW = 'Harbour-Lights-88!';

describe('2FA initialization (C00103) and the lifetimes of challenges and init tokens', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  async function initToken(): Promise<string> {
    const r = await host.call('POST', '/auth/login', {
      userId: 'C00103',
      password: SEED_PASSWORDS.C00103,
    });
    expect(r.body).toMatchObject({ next: 'init', steps: ['password', 'channel'] });
    expect(Date.parse(r.body.expiresAt)).toBe(host.clock.now() + 30 * MIN);
    return r.body.initToken as string;
  }

  it('walks password then email channel then confirm, and the next login asks for an email OTP', async () => {
    const token = await initToken();
    const early = await host.call('POST', '/init/channel', { initToken: token, channel: 'email' });
    expect([early.status, early.body.error.code]).toEqual([400, 'INVALID_REQUEST']);
    const pw = await host.call('POST', '/init/password', { initToken: token, newPassword: NEW_PW });
    expect(pw.body).toEqual({ steps: ['channel'] });
    const ch = await host.call('POST', '/init/channel', { initToken: token, channel: 'email' });
    expect(ch.body.maskedEmail).toBe('c***3@cp001.example');
    const done = await host.call('POST', '/init/channel/confirm', {
      initToken: token,
      code: await latestCode(host, 'C00103'),
    });
    expect(done.status).toBe(200);
    expect(done.body.session.user.userId).toBe('C00103');
    // The token is spent, the temporary password is gone, the new one leads to an email OTP.
    expect(
      (await host.call('POST', '/init/password', { initToken: token, newPassword: NEW_PW })).body
        .error.code,
    ).toBe('INIT_TOKEN_INVALID');
    expect(
      (
        await host.call('POST', '/auth/login', {
          userId: 'C00103',
          password: SEED_PASSWORDS.C00103,
        })
      ).status,
    ).toBe(401);
    const next = await host.call('POST', '/auth/login', { userId: 'C00103', password: NEW_PW });
    expect(next.body).toMatchObject({ next: 'otp', channel: 'email' });
  });

  it('enrols an authenticator app: the secret and otpauth URI work as a phone would use them', async () => {
    const token = await initToken();
    await host.call('POST', '/init/password', { initToken: token, newPassword: NEW_PW });
    const ch = await host.call('POST', '/init/channel', { initToken: token, channel: 'totp' });
    expect(ch.body).toMatchObject({ algorithm: 'SHA1', digits: 6, period: 30 });
    expect(ch.body.otpauthUri).toContain(`secret=${ch.body.secret}`);
    const wrong = await host.call('POST', '/init/channel/confirm', {
      initToken: token,
      code: totpAt(ch.body.secret, host.clock.now(), 5),
    });
    expect(wrong.body.error).toMatchObject({ code: 'OTP_INVALID', attemptsLeft: 4 });
    const ok = await host.call('POST', '/init/channel/confirm', {
      initToken: token,
      code: totpAt(ch.body.secret, host.clock.now(), 1),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.session.clockSkewSec).toBe(30);
    host.clock.advance(60_000);
    expect(host.sim.currentTotp('C00103')).toBe(totpAt(ch.body.secret, host.clock.now()));
  });

  it('answers OTP_EXPIRED for an emailed init code after 5 minutes (the init token lives on)', async () => {
    const token = await initToken();
    await host.call('POST', '/init/password', { initToken: token, newPassword: NEW_PW });
    await host.call('POST', '/init/channel', { initToken: token, channel: 'email' });
    const code = await latestCode(host, 'C00103');
    host.clock.advance(5 * MIN);
    const late = await host.call('POST', '/init/channel/confirm', { initToken: token, code });
    expect([late.status, late.body.error.code]).toEqual([401, 'OTP_EXPIRED']);
    // Choosing email again sends a new code (a resend, 30 s after the last one).
    await host.call('POST', '/init/channel', { initToken: token, channel: 'email' });
    const ok = await host.call('POST', '/init/channel/confirm', {
      initToken: token,
      code: await latestCode(host, 'C00103'),
    });
    expect(ok.status).toBe(200);
  });

  it('keeps an init token 30 minutes: valid at 29:59, INIT_TOKEN_INVALID at 30:00', async () => {
    const token = await initToken();
    host.clock.advance(30 * MIN - 1000);
    expect(
      (await host.call('POST', '/init/password', { initToken: token, newPassword: NEW_PW })).status,
    ).toBe(200);
    host.clock.advance(1000);
    const late = await host.call('POST', '/init/channel', { initToken: token, channel: 'totp' });
    expect([late.status, late.body.error.code]).toEqual([401, 'INIT_TOKEN_INVALID']);
  });

  it('keeps a login challenge 10 minutes: valid at 9:59, CHALLENGE_EXPIRED at 10:00', async () => {
    const a = await host.call('POST', '/auth/login', {
      userId: 'C00101',
      password: SEED_PASSWORDS.C00101,
    });
    expect(Date.parse(a.body.expiresAt)).toBe(host.clock.now() + 10 * MIN);
    host.clock.advance(10 * MIN - 1000);
    expect(
      (
        await host.call('POST', '/auth/otp', {
          challengeId: a.body.challengeId,
          code: host.sim.currentTotp('C00101'),
        })
      ).status,
    ).toBe(200);
    host.clock.advance(60_000);
    const b = await host.call('POST', '/auth/login', {
      userId: 'C00101',
      password: SEED_PASSWORDS.C00101,
    });
    host.clock.advance(10 * MIN);
    const late = await host.call('POST', '/auth/otp', {
      challengeId: b.body.challengeId,
      code: host.sim.currentTotp('C00101'),
    });
    expect([late.status, late.body.error.code]).toEqual([410, 'CHALLENGE_EXPIRED']);
  });
});

describe('the otpauth URI names the environment the host stands in for', () => {
  // What an authenticator app shows for the URI: the label's issuer and account, and the
  // `issuer` parameter (Key Uri Format: both present, equal, percent-encoded).
  function asAnAppReadsIt(uri: string): { labelIssuer: string; account: string; issuer: string } {
    const url = new URL(uri);
    const label = decodeURIComponent(url.pathname.replace(/^\/\//, '').replace(/^\//, ''));
    const [labelIssuer = '', account = ''] = label.split(':');
    return { labelIssuer, account, issuer: url.searchParams.get('issuer') ?? '' };
  }

  for (const [environment, issuer] of [
    ['production', 'CCMS'],
    ['connectivity-test', 'CCMS (Connectivity Test)'],
    ['simulator', 'CCMS (Simulator)'],
  ] as const) {
    it(`${environment}: /health says ${environment} and the app lists "${issuer}: C00103"`, async () => {
      const host = await startHost({ environment });
      try {
        expect((await host.call('GET', '/health')).body.environment).toBe(environment);
        const login = await host.call('POST', '/auth/login', {
          userId: 'C00103',
          password: SEED_PASSWORDS.C00103,
        });
        const token = login.body.initToken as string;
        await host.call('POST', '/init/password', { initToken: token, newPassword: NEW_PW });
        const ch = await host.call('POST', '/init/channel', { initToken: token, channel: 'totp' });
        const uri = ch.body.otpauthUri as string;
        expect(asAnAppReadsIt(uri)).toEqual({ labelIssuer: issuer, account: 'C00103', issuer });
        // Spaces are %20 (never '+', which an app would show), in the label and the parameter.
        expect(uri).not.toContain(' ');
        expect(uri).not.toContain('+');
        expect(uri.startsWith(`otpauth://totp/${encodeURIComponent(issuer)}:C00103?`)).toBe(true);
        expect(uri.endsWith(`&issuer=${encodeURIComponent(issuer)}`)).toBe(true);
      } finally {
        await host.close();
      }
    });
  }
});
