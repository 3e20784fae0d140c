// Proxy authentication on the Node path: the policy's proxy is a real authenticating proxy (the
// `proxy` package on 127.0.0.1, checking Basic credentials) in front of the real simulator. The
// core asks for the proxy's user name and password through the bridge, once, and reuses them.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createProxy, type ProxyServer } from 'proxy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../shared/bridge.js';
import {
  SEED_PASSWORDS,
  startCore,
  type CoreHandle,
  simulatorForFile,
  reseedEachTest,
} from './harness.js';

const USER = 'desk-ops';
const PASSWORD = 'Right-Proxy-Pass-1';
const RIGHT = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

interface AuthProxy {
  url: string;
  port: number;
  /** The Proxy-Authorization of every request the proxy saw (CONNECTs), `null` when absent. */
  seen: (string | null)[];
  server: ProxyServer;
  close(): Promise<void>;
}

async function startAuthProxy(): Promise<AuthProxy> {
  const seen: (string | null)[] = [];
  const server = createProxy(http.createServer());
  server.authenticate = (req) => {
    const auth = req.headers['proxy-authorization'] ?? null;
    seen.push(auth);
    return auth === RIGHT;
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    server,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const sim = simulatorForFile();
reseedEachTest(sim);
let proxy: AuthProxy;
beforeAll(async () => {
  proxy = await startAuthProxy();
});
afterAll(() => proxy.close());
beforeEach(() => {
  proxy.seen.length = 0;
  proxy.server.authenticate = (req) => {
    const auth = req.headers['proxy-authorization'] ?? null;
    proxy.seen.push(auth);
    return auth === RIGHT;
  };
});

type Prompt = EventPayload<'proxyAuthRequired'>;
const prompts = (c: CoreHandle): Prompt[] =>
  c.events.filter((e) => e.name === 'proxyAuthRequired').map((e) => e.payload as Prompt);

/** Waits for the `n`th (1-based) proxy prompt the core emitted. */
async function prompt(c: CoreHandle, n: number): Promise<Prompt> {
  for (let i = 0; i < 500; i++) {
    const p = prompts(c)[n - 1];
    if (p) return p;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`proxy prompt ${n} never came (saw ${prompts(c).length})`);
}

async function answer(c: CoreHandle, p: Prompt, username: string, password: string) {
  await c.ok('answerProxyAuth', { id: p.id, username, password });
}

async function logText(c: CoreHandle): Promise<string> {
  const dir = join(c.userDataDir, 'logs');
  const files = await readdir(dir, { recursive: true });
  return (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
}

const withProxy = (extra: Record<string, unknown> = {}) => ({
  proxy: proxy.url,
  logLevel: 'debug',
  ...extra,
});

describe('core: a proxy that asks for a user name and password (Node path)', () => {
  it('asks once at sign-in, signs in with the right answer, and reuses it silently for later connections', async () => {
    const c = await startCore(sim, {}, withProxy());
    try {
      c.clock.advanceTo(sim.simClock.now());
      const login = c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      const first = await prompt(c, 1);
      expect(first).toEqual({
        id: expect.any(String),
        proxy: `127.0.0.1:${proxy.port}`,
        realm: 'proxy',
        scheme: 'Basic',
        failedBefore: false,
      });
      await answer(c, first, USER, PASSWORD);
      expect(await login).toMatchObject({ step: 'otp', channel: 'totp' });
      expect(await c.ok('submitOtp', { code: sim.sim.currentTotp('C00101') })).toMatchObject({
        step: 'signedIn',
      });
      // Parallel calls open new tunnels: each CONNECT carries the answer, nobody is asked again.
      const before = proxy.seen.length;
      await Promise.all([
        c.ok('getTerminalSummary', {}),
        c.ok('getTerminalSummary', {}),
        c.ok('getTerminalSummary', {}),
      ]);
      const later = proxy.seen.slice(before);
      expect(later.length).toBeGreaterThanOrEqual(2);
      expect(later.every((a) => a === RIGHT)).toBe(true);
      expect(proxy.seen[0]).toBeNull();
      expect(prompts(c)).toHaveLength(1);
      expect(c.events.filter((e) => e.name === 'proxyAuthEnded')).toEqual([
        { name: 'proxyAuthEnded', payload: { id: first.id, reason: 'answered' } },
      ]);
      const text = await logText(c);
      expect(text).toContain('proxy sign-in asked');
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(Buffer.from(`${USER}:${PASSWORD}`).toString('base64'));
    } finally {
      await c.close();
    }
  });

  it('asks again saying the last answer failed, and gives PROXY_AUTH_FAILED after the third wrong one', async () => {
    const c = await startCore(sim, {}, withProxy());
    const logins = () => sim.requests.filter((r) => r['path'] === '/api/v1/auth/login').length;
    const loginsBefore = logins();
    try {
      const login = c.fail('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      for (let n = 1; n <= 3; n++) {
        const p = await prompt(c, n);
        expect(p.failedBefore, `prompt ${n}`).toBe(n > 1);
        await answer(c, p, USER, `Wrong-Pass-${n}`);
      }
      const err = await login;
      expect(err).toMatchObject({
        code: 'PROXY_AUTH_FAILED',
        proxy: `127.0.0.1:${proxy.port}`,
        message: `The proxy server 127.0.0.1:${proxy.port} did not accept the user name and password.`,
      });
      expect(prompts(c)).toHaveLength(3);
      await expect(c.core.call('getAuthState', {})).resolves.toMatchObject({
        value: { step: 'signedOut' },
      });
      // The simulator never saw the sign-in: it stopped at the proxy.
      expect(logins()).toBe(loginsBefore);
    } finally {
      await c.close();
    }
  });

  it('a wrong answer, then the right one, signs in', async () => {
    const c = await startCore(sim, {}, withProxy());
    try {
      const login = c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      await answer(c, await prompt(c, 1), USER, 'Not-It-9');
      const second = await prompt(c, 2);
      expect(second.failedBefore).toBe(true);
      await answer(c, second, USER, PASSWORD);
      expect(await login).toMatchObject({ step: 'otp' });
    } finally {
      await c.close();
    }
  });

  it('uses credentials written in the policy proxy URL first, without asking', async () => {
    const inline = proxy.url.replace('//', `//${USER}:${encodeURIComponent(PASSWORD)}@`);
    const c = await startCore(sim, {}, withProxy({ proxy: inline }));
    try {
      expect(
        await c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 }),
      ).toMatchObject({
        step: 'otp',
      });
      expect(prompts(c)).toEqual([]);
      expect(proxy.seen[0]).toBe(RIGHT);
    } finally {
      await c.close();
    }
  });

  it('refused policy URL credentials lead to a prompt that says they failed', async () => {
    const inline = proxy.url.replace('//', `//${USER}:stale@`);
    const c = await startCore(sim, {}, withProxy({ proxy: inline }));
    try {
      const login = c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      const p = await prompt(c, 1);
      expect(p.failedBefore).toBe(true);
      await answer(c, p, USER, PASSWORD);
      expect(await login).toMatchObject({ step: 'otp' });
    } finally {
      await c.close();
    }
  });

  it('a cancelled prompt ends the sign-in with PROXY_AUTH_CANCELLED', async () => {
    const c = await startCore(sim, {}, withProxy());
    try {
      const login = c.fail('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      const p = await prompt(c, 1);
      await c.ok('answerProxyAuth', { id: p.id, cancel: true });
      expect(await login).toMatchObject({ code: 'PROXY_AUTH_CANCELLED' });
      // The prompt is gone: a late answer is refused with a clear error.
      expect(
        await c.fail('answerProxyAuth', { id: p.id, username: USER, password: PASSWORD }),
      ).toMatchObject({ code: 'WRONG_STATE' });
    } finally {
      await c.close();
    }
  });

  it('the host call does not time out while the user is typing the proxy password', async () => {
    // The user types for well over the whole host timeout; the timeout leaves the host's own
    // answer (an argon2 hash on a busy 2-core machine) room to arrive after that.
    const c = await startCore(sim, { hostTimeouts: { totalMs: 1_500 } }, withProxy());
    try {
      const login = c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      const p = await prompt(c, 1);
      await new Promise((r) => setTimeout(r, 4_000));
      await answer(c, p, USER, PASSWORD);
      expect(await login).toMatchObject({ step: 'otp' });
    } finally {
      await c.close();
    }
  });

  it('FAULT proxy wants Negotiate: PROXY_AUTH_UNSUPPORTED naming the scheme, no prompt', async () => {
    proxy.server.authenticate = 'negotiate';
    const c = await startCore(sim, {}, withProxy());
    try {
      const err = await c.fail('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      expect(err).toMatchObject({ code: 'PROXY_AUTH_UNSUPPORTED', proxyScheme: 'Negotiate' });
      expect(err.message).toContain('Negotiate');
      expect(prompts(c)).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('rejects a malformed answer with an error naming the field, never echoing it', async () => {
    const c = await startCore(sim, {}, withProxy());
    try {
      const login = c.ok('login', { userId: 'C00101', password: SEED_PASSWORDS.C00101 });
      const p = await prompt(c, 1);
      const bad = await c.fail('answerProxyAuth', {
        id: p.id,
        username: 'a:b',
        password: PASSWORD,
      });
      expect(bad.code).toBe('BRIDGE_INVALID');
      expect(bad.message).toContain('colon');
      expect(bad.message).not.toContain(PASSWORD);
      // The prompt is still open; the right answer goes through.
      await answer(c, p, USER, PASSWORD);
      expect(await login).toMatchObject({ step: 'otp' });
    } finally {
      await c.close();
    }
  });
});
