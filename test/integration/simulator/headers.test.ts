import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendRaw, startHost, SEED_PASSWORDS, type Reply, type TestHost } from './harness.js';

const EXPECTED = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  // An API reply is never a page: nothing in it may load or frame anything.
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
};

function expectSecurityHeaders(r: Reply, what: string): void {
  for (const [name, value] of Object.entries(EXPECTED)) expect(r.headers[name], what).toBe(value);
}

describe('security headers: every reply is no-store, nosniff, HSTS and a deny-all CSP', () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(async () => host.close());

  it('on replies that carry a session token, an init token or a TOTP secret', async () => {
    const login = await host.call('POST', '/auth/login', {
      userId: 'C00101',
      password: SEED_PASSWORDS.C00101,
    });
    expectSecurityHeaders(login, 'login (challenge)');
    const otp = await host.call('POST', '/auth/otp', {
      challengeId: login.body.challengeId,
      code: host.sim.currentTotp('C00101'),
    });
    expect(otp.body.session.token).toBeTypeOf('string');
    expectSecurityHeaders(otp, 'otp (session token)');
    expectSecurityHeaders(
      await host.call('GET', '/session', undefined, otp.body.session.token as string),
      'session',
    );
    const init = await host.call('POST', '/auth/login', {
      userId: 'C00103',
      password: SEED_PASSWORDS.C00103,
    });
    expect(init.body.initToken).toBeTypeOf('string');
    expectSecurityHeaders(init, 'login (init token)');
    await host.call('POST', '/init/password', {
      initToken: init.body.initToken,
      newPassword: 'Harbour-Lights-88!',
    });
    const channel = await host.call('POST', '/init/channel', {
      initToken: init.body.initToken,
      channel: 'totp',
    });
    expect(channel.body.secret).toBeTypeOf('string');
    expectSecurityHeaders(channel, 'init channel (TOTP secret)');
    const logout = await host.call(
      'POST',
      '/session/logout',
      undefined,
      otp.body.session.token as string,
    );
    expect(logout.status).toBe(204);
    expectSecurityHeaders(logout, 'logout (204)');
  });

  it('on health, openapi.json, errors, unknown calls and broken JSON', async () => {
    expectSecurityHeaders(await host.call('GET', '/health'), 'health');
    expectSecurityHeaders(await host.call('GET', '/openapi.json'), 'openapi');
    expectSecurityHeaders(
      await host.call('POST', '/auth/login', { userId: 'C00101', password: 'Wrong-Pass-000!' }),
      '401',
    );
    expectSecurityHeaders(await host.call('GET', '/no/such/call'), '404');
    expectSecurityHeaders(await host.raw('POST', '/auth/login', '{"userId":'), 'broken JSON');
  });

  it('on the reply to bytes that are not HTTP', async () => {
    const answer = await sendRaw(host, 'HELLO THERE\r\n\r\n');
    const head = answer.split('\r\n\r\n')[0]?.toLowerCase() ?? '';
    for (const [name, value] of Object.entries(EXPECTED))
      expect(head).toContain(`${name}: ${value}`.toLowerCase());
  });
});
