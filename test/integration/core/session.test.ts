import { describe, expect, it, vi } from 'vitest';
import {
  advance,
  SEED_PASSWORDS,
  signInTotp,
  type CoreHandle,
  simulatorForFile,
  reseedEachTest,
  coreForEachTest,
} from './harness.js';

const MIN = 60_000;
const sim = simulatorForFile();
reseedEachTest(sim); // a fresh TOTP step and an empty request log for every test
const c = coreForEachTest(sim);

const steps = (h: CoreHandle) =>
  h.events.filter((e) => e.name === 'authState').map((e) => (e.payload as { step: string }).step);
const hostSaw = (method: string, path: string) =>
  sim.requests.filter((r) => r['method'] === method && r['path'] === `/api/v1${path}`);
// The host logs a request once its reply has gone out, which may be after the client read it.
const hostLogged = (check: () => void) => vi.waitFor(check, { timeout: 2_000 });

describe('core ↔ simulator: the session', () => {
  it('idle: a warning 60 s before, then locked; unlock with a fresh TOTP; the summary works again', async () => {
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    advance(sim, c, 14 * MIN);
    expect(c.events.filter((e) => e.name === 'idleWarning')).toEqual([
      { name: 'idleWarning', payload: { secondsLeft: 60 } },
    ]);
    advance(sim, c, MIN);
    expect(await c.ok('getAuthState', {})).toMatchObject({
      step: 'locked',
      user: { userId: 'C00101' },
    });
    expect((await c.fail('getTerminalSummary', {})).code).toBe('SESSION_LOCKED');
    expect(await c.ok('unlock', { code: sim.sim.currentTotp('C00101') })).toMatchObject({
      step: 'signedIn',
    });
    const summary = await c.ok('getTerminalSummary', {});
    expect(summary.participant.participantId).toBe('CP001');
    expect(steps(c)).toEqual(['otp', 'signedIn', 'locked', 'signedIn']);
  });

  it('lock() (OS lock or suspend) locks at once', async () => {
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    c.core.lock();
    expect(await c.ok('getAuthState', {})).toMatchObject({ step: 'locked' });
  });

  it('a wrong unlock code keeps the terminal locked', async () => {
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    c.core.lock();
    advance(sim, c, 30_000);
    const good = sim.sim.currentTotp('C00101');
    expect((await c.fail('unlock', { code: good === '999999' ? '888888' : '999999' })).code).toBe(
      'OTP_INVALID',
    );
    expect(await c.ok('getAuthState', {})).toMatchObject({ step: 'locked' });
  });

  it('reportActivity keeps the host session alive with GET /session at most once a minute', async () => {
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    advance(sim, c, 10 * MIN);
    await c.ok('reportActivity', {});
    await c.ok('reportActivity', {});
    advance(sim, c, 10 * MIN); // 20 min since sign-in, 10 since the activity: still signed in
    expect(await c.ok('getAuthState', {})).toMatchObject({ step: 'signedIn' });
    await hostLogged(() =>
      expect(hostSaw('GET', '/session').map((r) => r['status'])).toEqual([200]),
    );
  });

  it('logout revokes the session on the host and signs out', async () => {
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    expect(await c.ok('logout', {})).toEqual({ step: 'signedOut' });
    await hostLogged(() =>
      expect(hostSaw('POST', '/session/logout').map((r) => r['status'])).toEqual([204]),
    );
    expect((await c.fail('getTerminalSummary', {})).code).toBe('NOT_SIGNED_IN');
  });

  it('the absolute lifetime signs out with sessionExpired', async () => {
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    for (let i = 0; i < 60; i++) {
      advance(sim, c, 12 * MIN);
      if ((await c.ok('getAuthState', {})).step === 'signedOut') break;
    }
    expect(await c.ok('getAuthState', {})).toEqual({ step: 'signedOut', reason: 'sessionExpired' });
  });

  it('SESSION_LOCKED from the host (its idle timer ran out first) locks the terminal', async () => {
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    sim.simClock.advance(16 * MIN); // only the host's clock: our idle timer has not fired
    expect((await c.fail('getTerminalSummary', {})).code).toBe('SESSION_LOCKED');
    expect(await c.ok('getAuthState', {})).toMatchObject({ step: 'locked' });
  });

  it('SESSION_EXPIRED from the host signs out with sessionExpired', async () => {
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    sim.simClock.advance(11 * 60 * MIN);
    expect((await c.fail('getTerminalSummary', {})).code).toBe('SESSION_EXPIRED');
    expect(await c.ok('getAuthState', {})).toEqual({ step: 'signedOut', reason: 'sessionExpired' });
  });

  it('changing the environment is refused while signed in', async () => {
    await signInTotp(sim, c, 'C00101', SEED_PASSWORDS.C00101);
    expect(await c.fail('updateSettings', { environment: 'production' })).toMatchObject({
      code: 'WRONG_STATE',
      field: 'environment',
    });
    const info = await c.ok('updateSettings', { language: 'zh-HK' });
    expect(info.settings.language).toBe('zh-HK');
  });
});
