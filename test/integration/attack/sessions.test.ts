import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, signInTotp, type TestHost } from '../simulator/harness.js';

const MIN = 60_000;

describe('attack: a session token past its life', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());
  const summary = (token: string) => host.call('GET', '/terminal/summary', undefined, token);

  it('after logout: the token is revoked', async () => {
    const token = await signInTotp(host, 'C00101');
    expect((await host.call('POST', '/session/logout', undefined, token)).status).toBe(204);
    const r = await summary(token);
    expect([r.status, r.body.error.code]).toEqual([401, 'SESSION_EXPIRED']);
  });

  it('after 15 idle minutes: the token is locked until a fresh OTP', async () => {
    const token = await signInTotp(host, 'C00101');
    host.clock.advance(15 * MIN);
    const r = await summary(token);
    expect([r.status, r.body.error.code]).toEqual([401, 'SESSION_LOCKED']);
  });

  it('after 10 hours, however active: the token has expired', async () => {
    const start = host.clock.now();
    const token = await signInTotp(host, 'C00101');
    while (host.clock.now() + 14 * MIN < start + 10 * 60 * MIN) {
      host.clock.advance(14 * MIN);
      expect((await host.call('GET', '/session', undefined, token)).status).toBe(200);
    }
    host.clock.set(start + 10 * 60 * MIN);
    const r = await summary(token);
    expect([r.status, r.body.error.code]).toEqual([401, 'SESSION_EXPIRED']);
  });

  it('a forged or malformed token opens nothing', async () => {
    for (const token of ['forged-token-forged-token', 'x'.repeat(4000), '']) {
      const r = await host.call('GET', '/terminal/summary', undefined, undefined, {
        authorization: `Bearer ${token}`,
      });
      expect(r.status, token.slice(0, 20)).toBe(401);
    }
  });
});
