// electron/chromium-fetch.ts, bundled as the main process bundles it (esbuild, CommonJS, Electron
// left to require at run time) with the real core's broker and host client, run in Node over the
// Electron stand-in (electron-stub/electron.cjs): Electron's binary cannot be downloaded here. The
// stand-in plays Chromium (a proxy's 407, a server's 401, replies, net::ERR_* failures); every
// decision observed is the app's.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const STUB = path.join(import.meta.dirname, 'electron-stub');

let tmp: string;
let r: Record<string, unknown>;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ccms-chromium-fetch-'));
  await build({
    stdin: {
      contents: [
        "export { createChromiumFetch } from './electron/chromium-fetch.ts';",
        "export { ProxyAuthBroker } from './electron/core/network/proxy-auth-broker.ts';",
        "export { HostClient } from './electron/core/host/host-client.ts';",
        "export { systemClock } from './electron/core/clock.ts';",
      ].join('\n'),
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node22',
    external: ['electron'],
    outfile: path.join(tmp, 'chromium-fetch.cjs'),
    logLevel: 'warning',
  });
  fs.mkdirSync(path.join(tmp, 'node_modules', 'electron'), { recursive: true });
  fs.writeFileSync(
    path.join(tmp, 'node_modules', 'electron', 'index.js'),
    `module.exports = require(${JSON.stringify(path.join(STUB, 'electron.cjs'))});\n`,
  );
  const { stdout } = await run(
    process.execPath,
    [path.join(STUB, 'drive-chromium-fetch.cjs'), tmp],
    { env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') }, timeout: 60_000 },
  );
  r = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
}, 120_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('chromium-fetch (bundled, over an Electron stand-in)', () => {
  it('asks Chromium for the request with no cache, no cookies, no server credentials, no redirects', () => {
    expect(r['options']).toMatchObject({
      method: 'GET',
      url: 'https://ccms.example/api/v1/health',
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
      useSessionCookies: false,
      session: true,
    });
  });

  it("sends a proxy's 407 to the broker and passes the user's answer to Chromium's callback", () => {
    expect(r['prompt']).toEqual({
      id: expect.any(String),
      proxy: 'proxy.bank:8080',
      realm: 'Bank',
      scheme: 'basic',
      failedBefore: false,
    });
    expect(r['callback']).toEqual(['corp\\ops', 'Proxy-Pass-1']);
    expect(r['health']).toMatchObject({ ok: true, value: { version: '7' } });
  });

  it('answers a later challenge from memory without asking again', () => {
    expect(r['reusedCallback']).toEqual(['corp\\ops', 'Proxy-Pass-1']);
    expect(r['second']).toMatchObject({ ok: true });
    expect(r['promptsAfterReuse']).toBe(1);
  });

  it("cancels a server's own challenge, asks nobody, and the host's 401 is the outcome", () => {
    expect(r['serverCallback']).toEqual([]);
    expect(r['promptsAfterServerChallenge']).toBe(1);
    expect(r['serverChallenge']).toMatchObject({ ok: false, code: 'INVALID_CREDENTIALS' });
  });

  it('streams the request body and leaves the headers Chromium owns to Chromium', () => {
    expect(r['method']).toBe('POST');
    expect(JSON.parse(String(r['body']))).toEqual({ userId: 'C00101', password: 'Demo-Pass-101!' });
    const names = r['headerNames'] as string[];
    expect(names).toContain('content-type');
    for (const owned of ['host', 'content-length', 'connection', 'proxy-authorization'])
      expect(names).not.toContain(owned);
  });

  it('asks again after a refused answer, then gives PROXY_AUTH_FAILED after the third', () => {
    expect(r['wrong']).toEqual([false, true, true]);
    expect(r['givenUpCallback']).toEqual([]);
    expect(r['failed']).toEqual({
      ok: false,
      code: 'PROXY_AUTH_FAILED',
      message: 'The proxy server other.proxy:3128 did not accept the user name and password.',
    });
  });

  it('gives PROXY_AUTH_CANCELLED when the user cancels', () => {
    expect(r['cancelCallback']).toEqual([]);
    expect(r['cancelled']).toMatchObject({ ok: false, code: 'PROXY_AUTH_CANCELLED' });
    expect(r['ended']).toEqual(['answered', 'answered', 'answered', 'answered', 'cancelled']);
  });

  it("keeps the host client's classification of Chromium's net::ERR_* failures", () => {
    expect(r['refused']).toMatchObject({ ok: false, code: 'HOST_UNREACHABLE' });
    expect(String((r['refused'] as { message: string }).message)).toContain(
      'net::ERR_CONNECTION_REFUSED',
    );
    expect(r['badCert']).toMatchObject({ ok: false, code: 'TLS_ERROR' });
  });

  it("aborts Chromium's request when the host client's time limit runs out", () => {
    expect(r['slow']).toMatchObject({ ok: false, code: 'HOST_TIMEOUT' });
    expect(r['slowAborted']).toBe(true);
  });

  it('logs no proxy password', () => {
    expect(r['logHasPassword']).toBe(false);
  });
});
