import { describe, expect, it } from 'vitest';
import { BridgeCalls, type CallName } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import type { Logger } from '../logging/logger.js';
import { createRouter, type BridgeHandlers } from './router.js';

const signedOut = { step: 'signedOut' as const };

function recordingLogger() {
  const lines: { level: string; msg: string; data?: unknown }[] = [];
  const at = (level: string) => (msg: string, data?: unknown) => lines.push({ level, msg, data });
  const log: Logger = {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
  };
  return { log, lines };
}

/** Every handler answers signedOut unless the test overrides it; a wrong output is the test's point. */
function handlers(
  over: Partial<Record<CallName, (i: never) => Promise<unknown>>> = {},
): BridgeHandlers {
  const all = Object.fromEntries(Object.keys(BridgeCalls).map((k) => [k, async () => signedOut]));
  return { ...all, ...over } as unknown as BridgeHandlers;
}

describe('router', () => {
  it('passes valid input to the handler and returns its output', async () => {
    const seen: unknown[] = [];
    const r = createRouter(handlers({ login: async (i) => (seen.push(i), signedOut) }));
    await expect(r.call('login', { userId: 'C00101', password: 'pw' })).resolves.toEqual({
      ok: true,
      value: signedOut,
    });
    expect(seen).toEqual([{ userId: 'C00101', password: 'pw' }]);
  });

  it('refuses an unknown call name with BRIDGE_INVALID', async () => {
    const r = createRouter(handlers());
    await expect(r.call('deleteEverything', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_INVALID' },
    });
  });

  it('refuses Object.prototype names (constructor, __proto__, toString)', async () => {
    const r = createRouter(handlers());
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      await expect(r.call(name, {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'BRIDGE_INVALID' },
      });
    }
  });

  it('a call with a wrong shape gets a typed error naming the field', async () => {
    const r = createRouter(handlers());
    const res = await r.call('submitOtp', { code: 12345 });
    expect(res).toMatchObject({ ok: false, error: { code: 'BRIDGE_INVALID', field: 'code' } });
  });

  it('refuses extra fields (strict inputs)', async () => {
    const r = createRouter(handlers());
    const res = await r.call('getAuthState', { sneaky: true });
    expect(res).toMatchObject({ ok: false, error: { code: 'BRIDGE_INVALID' } });
  });

  it('refuses a missing input', async () => {
    const r = createRouter(handlers());
    await expect(r.call('login', undefined)).resolves.toMatchObject({
      ok: false,
      error: { code: 'BRIDGE_INVALID' },
    });
  });

  it('never echoes a rejected password back in the error', async () => {
    const r = createRouter(handlers());
    const res = await r.call('login', {
      userId: 'C00101',
      password: 'Secret-Pass-1!',
      extra: 'Secret-Pass-1!',
    });
    expect(JSON.stringify(res)).not.toContain('Secret-Pass-1!');
  });

  it('turns a thrown CcmsError into its AppError value', async () => {
    const r = createRouter(
      handlers({
        logout: async () => {
          throw new CcmsError('HOST_UNREACHABLE', 'down');
        },
      }),
    );
    await expect(r.call('logout', {})).resolves.toEqual({
      ok: false,
      error: { code: 'HOST_UNREACHABLE', message: 'down' },
    });
  });

  it('keeps the details of a CcmsError', async () => {
    const r = createRouter(
      handlers({
        submitOtp: async () => {
          throw new CcmsError('OTP_INVALID', 'wrong', { attemptsLeft: 2 });
        },
      }),
    );
    await expect(r.call('submitOtp', { code: '123456' })).resolves.toEqual({
      ok: false,
      error: { code: 'OTP_INVALID', message: 'wrong', attemptsLeft: 2 },
    });
  });

  it('turns any other throw into INTERNAL without a stack, and logs it', async () => {
    const { log, lines } = recordingLogger();
    const r = createRouter(
      handlers({
        getAppInfo: async () => {
          throw new TypeError('x is undefined');
        },
      }),
      log,
    );
    const res = await r.call('getAppInfo', {});
    expect(res).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'An internal error occurred in the terminal.' },
    });
    expect(JSON.stringify(res)).not.toMatch(/at .*\.ts/);
    expect(lines[0]).toMatchObject({ level: 'error', msg: 'bridge call getAppInfo failed' });
  });

  it('checks the output too: a handler breaking the contract gives INTERNAL, logged', async () => {
    const { log, lines } = recordingLogger();
    const r = createRouter(
      handlers({ getAuthState: async () => ({ step: 'signedIn', token: 'leak' }) }),
      log,
    );
    await expect(r.call('getAuthState', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(lines[0]?.msg).toContain('breaks the contract');
  });

  it('strips unknown output fields (a token smuggled onto a state never crosses)', async () => {
    const r = createRouter(
      handlers({ getAuthState: async () => ({ step: 'signedOut', token: 'tok_leak' }) }),
    );
    const res = await r.call('getAuthState', {});
    expect(res).toEqual({ ok: true, value: { step: 'signedOut' } });
  });

  it('the workstation history calls take no input: an extra field is BRIDGE_INVALID', async () => {
    const r = createRouter(handlers());
    for (const name of ['getWorkstationHistory', 'exportWorkstationHistory']) {
      await expect(r.call(name, { path: '/etc/passwd' })).resolves.toMatchObject({
        ok: false,
        error: { code: 'BRIDGE_INVALID' },
      });
    }
  });

  it('the observer hears each outcome with the validated input, never an invalid call', async () => {
    const heard: unknown[] = [];
    const r = createRouter(
      handlers({
        submitOtp: async () => {
          throw new CcmsError('OTP_INVALID', 'wrong code', { attemptsLeft: 2 });
        },
      }),
      undefined,
      (name, input, result) => heard.push({ name, input, ok: result.ok }),
    );
    await r.call('login', { userId: ' C00101 ', password: 'pw' });
    await r.call('submitOtp', { code: '123456' });
    await r.call('submitOtp', { code: 'abc' });
    await r.call('nothing', {});
    expect(heard).toEqual([
      { name: 'login', input: { userId: 'C00101', password: 'pw' }, ok: true },
      { name: 'submitOtp', input: { code: '123456' }, ok: false },
    ]);
  });

  it('fault: an observer that throws (injected) is logged and the caller still gets its result', async () => {
    const { log, lines } = recordingLogger();
    const r = createRouter(handlers(), log, () => {
      throw new Error('observer broke');
    });
    await expect(r.call('getAuthState', {})).resolves.toEqual({ ok: true, value: signedOut });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'the observer of getAuthState failed' }),
    );
  });
});
