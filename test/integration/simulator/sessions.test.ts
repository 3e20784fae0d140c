import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHost, signInTotp, type TestHost } from './harness.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

// The email channel's step-up code on a locked session: session-locked.test.ts.
describe('sessions: 15-minute idle lock, 10-hour lifetime, step-up, logout', () => {
  let host: TestHost;
  beforeEach(async () => {
    host = await startHost();
  });
  afterEach(async () => host.close());

  it('reports the idle timeout and a 10-hour absolute expiry', async () => {
    const start = host.clock.now();
    const token = await signInTotp(host, 'C00101');
    const s = await host.call('GET', '/session', undefined, token);
    expect(s.body.session.idleTimeoutSec).toBe(900);
    expect(Date.parse(s.body.session.expiresAt)).toBe(start + 10 * HOUR);
  });

  it('locks after 15 idle minutes (SESSION_LOCKED), and a fresh TOTP unlocks it', async () => {
    const token = await signInTotp(host, 'C00101'); // the clock moved 30 s after sign-in
    host.clock.advance(15 * MIN - 30_000 - 1000);
    expect((await host.call('GET', '/terminal/summary', undefined, token)).status).toBe(200);
    // That call restarted the idle timer.
    host.clock.advance(15 * MIN - 1000);
    expect((await host.call('GET', '/terminal/summary', undefined, token)).status).toBe(200);
    host.clock.advance(15 * MIN);
    const locked = await host.call('GET', '/terminal/summary', undefined, token);
    expect([locked.status, locked.body.error.code]).toEqual([401, 'SESSION_LOCKED']);
    expect((await host.call('GET', '/session', undefined, token)).body.error.code).toBe(
      'SESSION_LOCKED',
    );
    const bad = await host.call(
      'POST',
      '/session/reauth',
      { code: host.sim.currentTotp('C00101', 4) },
      token,
    );
    expect(bad.body.error).toMatchObject({ code: 'OTP_INVALID', attemptsLeft: 4 });
    const ok = await host.call(
      'POST',
      '/session/reauth',
      { code: host.sim.currentTotp('C00101') },
      token,
    );
    expect(ok.status).toBe(200);
    expect(ok.body.session.token).toBe(token);
    expect((await host.call('GET', '/terminal/summary', undefined, token)).status).toBe(200);
  });

  it('keeps a session awake on the client keep-alive GET /session, and locks 15 min after it', async () => {
    const token = await signInTotp(host, 'C00101'); // the clock moved 30 s after sign-in
    for (const step of [5 * MIN, 5 * MIN, 14 * MIN]) {
      host.clock.advance(step);
      expect((await host.call('GET', '/session', undefined, token)).status).toBe(200);
    }
    host.clock.advance(15 * MIN); // 15:00 since the last keep-alive
    expect((await host.call('GET', '/session', undefined, token)).body.error.code).toBe(
      'SESSION_LOCKED',
    );
  });

  it('ends every session after 10 hours even when active (SESSION_EXPIRED)', async () => {
    const token = await signInTotp(host, 'C00101');
    for (let elapsed = 30_000; elapsed + 10 * MIN < 10 * HOUR; elapsed += 10 * MIN) {
      host.clock.advance(10 * MIN);
      expect((await host.call('GET', '/terminal/summary', undefined, token)).status).toBe(200);
    }
    host.clock.advance(10 * MIN);
    const r = await host.call('GET', '/terminal/summary', undefined, token);
    expect([r.status, r.body.error.code]).toEqual([401, 'SESSION_EXPIRED']);
    const reauth = await host.call(
      'POST',
      '/session/reauth',
      { code: host.sim.currentTotp('C00101') },
      token,
    );
    expect(reauth.body.error.code).toBe('SESSION_EXPIRED');
  });

  it('revokes on logout (204), and a missing or forged token is SESSION_EXPIRED', async () => {
    const token = await signInTotp(host, 'C00101');
    const out = await host.call('POST', '/session/logout', undefined, token);
    expect(out.status).toBe(204);
    expect(out.raw).toBe('');
    expect((await host.call('GET', '/session', undefined, token)).body.error.code).toBe(
      'SESSION_EXPIRED',
    );
    expect((await host.call('GET', '/terminal/summary')).body.error.code).toBe('SESSION_EXPIRED');
    expect((await host.call('GET', '/terminal/summary', undefined, 'A'.repeat(43))).status).toBe(
      401,
    );
  });
});
