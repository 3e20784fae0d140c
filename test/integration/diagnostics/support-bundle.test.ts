// The support bundle, end to end through the core: a real first sign-in against the simulator
// (temporary password, new password, authenticator enrolment with a TOTP code), the connectivity
// check through a real proxy that wants a Basic sign-in from policy, then `saveSupportBundle`. The
// zip is unpacked with fflate and every file searched for every secret the test used.
import diagnosticsChannel from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_PASSWORDS, startCore, startSim, type SimHandle } from '../core/harness.js';
import { startProxy, type TestProxy } from './proxies.js';

const LOGIN = { user: 'desk-proxy-acct', password: 'Proxy-Pass-Bundle-7' };

// The session token never reaches the test through the core; it is read off the wire, from the
// Authorization header of the core's own requests.
const tokens = new Set<string>();
const onRequest = (msg: unknown) => {
  const auth = (msg as { request: ClientRequest }).request.getHeader('authorization');
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) tokens.add(auth.slice(7));
};

let sim: SimHandle;
let proxy: TestProxy;
let dumps: string;
beforeAll(async () => {
  sim = await startSim();
  proxy = await startProxy(LOGIN);
  dumps = await mkdtemp(join(tmpdir(), 'ccms-bundle-dumps-'));
  diagnosticsChannel.subscribe('http.client.request.start', onRequest);
});
afterAll(async () => {
  diagnosticsChannel.unsubscribe('http.client.request.start', onRequest);
  await proxy.close();
  await sim.close();
  await rm(dumps, { recursive: true, force: true });
});

/** Stand-in minidumps in Crashpad's layout (reports/ on Windows), oldest first; the newest is too big. */
async function writeDumps(): Promise<string[]> {
  const names = ['a-oldest', 'b', 'c', 'd', 'e-newest-huge'];
  await mkdir(join(dumps, 'reports'), { recursive: true });
  const base = Date.now() / 1000 - 3_600;
  for (const [i, name] of names.entries()) {
    const file = join(dumps, 'reports', `${name}.dmp`);
    const size = name.endsWith('huge') ? 6 * 1024 * 1024 : 2_048;
    await writeFile(file, Buffer.alloc(size, i + 1));
    await utimes(file, base + i * 60, base + i * 60);
  }
  await writeFile(join(dumps, 'settings.dat'), 'not a dump');
  return names;
}

describe('support bundle', () => {
  it('holds logs, report, policy, versions and the newest dumps, and no secret the test used', async () => {
    await sim.sim.seed();
    sim.simClock.advance(30_000);
    await writeDumps();
    const c = await startCore(
      sim,
      { crashDumpsDir: dumps, versions: { node: process.versions.node, electron: '45.3.4' } },
      { proxy: proxy.url(LOGIN), logLevel: 'debug' },
    );
    const secrets: string[] = [SEED_PASSWORDS.C00103, LOGIN.password];
    try {
      // First sign-in of C00103: temporary password, a new one, the authenticator app.
      const newPassword = 'Bundle-Check-Pass-2026!';
      secrets.push(newPassword);
      await c.ok('login', { userId: 'C00103', password: SEED_PASSWORDS.C00103 });
      await c.ok('initSetPassword', { newPassword });
      const chosen = await c.ok('initChooseChannel', { channel: 'totp' });
      const secret = (chosen as { channelSetup: { secret: string } }).channelSetup.secret;
      const code = authenticator.clone({ epoch: sim.simClock.now() }).generate(secret);
      secrets.push(secret, code);
      expect(await c.ok('initConfirm', { code })).toMatchObject({ step: 'signedIn' });
      await c.ok('getTerminalSummary', {});

      // Another tool once wrote secrets into the log folder: the bundle redacts them too.
      await writeFile(
        join(c.userDataDir, 'logs', 'main.1.log'),
        `legacy: proxy ${proxy.url(LOGIN)} password=${newPassword} code=${code}\n`,
      );

      const report = await c.ok('runDiagnostics', {});
      expect(report.steps.filter((s) => s.status === 'fail')).toEqual([]);
      expect(proxy.seen.some((s) => s.endsWith('auth=yes'))).toBe(true);

      const saved = await c.ok('saveSupportBundle', {});
      expect(saved.path.startsWith(join(c.userDataDir, 'diagnostics'))).toBe(true);
      expect(saved.path).toMatch(/ccms-support-.*\.zip$/);
      const zip = await readFile(saved.path);
      expect(zip.length).toBe(saved.bytes);
      // Bounded: logs, text and at most 3 dumps of at most 5 MiB, compressed.
      expect(saved.bytes).toBeLessThan(20 * 1024 * 1024);

      const files = unzipSync(new Uint8Array(zip));
      const names = Object.keys(files).sort();
      expect(names).toEqual(
        [
          'connectivity-report.txt',
          'crash-dumps/c.dmp',
          'crash-dumps/d.dmp',
          'logs/main.1.log',
          'logs/main.log',
          'manifest.json',
          'policy.txt',
          'versions.txt',
        ].sort(),
      );
      expect(saved.files.sort()).toEqual(names);
      const text = (name: string) => Buffer.from(files[name] ?? []).toString('utf8');

      const manifest = JSON.parse(text('manifest.json')) as {
        files: { name: string }[];
        omitted: { name: string; reason: string }[];
      };
      expect(manifest.omitted).toEqual([
        { name: 'crash-dumps/e-newest-huge.dmp', reason: expect.stringContaining('size limit') },
      ]);
      expect(text('connectivity-report.txt')).toContain('User: C00103 (participant CP001)');
      expect(text('connectivity-report.txt')).toContain('[PASS] health');
      expect(text('policy.txt')).toContain(
        `proxy: http://127.0.0.1:${proxy.port} (with a user name and password)`,
      );
      expect(text('policy.txt')).toContain(`source: ${join(c.userDataDir, 'policy.json')}`);
      expect(text('versions.txt')).toMatch(/Terminal version: 0\.0\.0-test\n/);
      expect(text('versions.txt')).toContain('electron: 45.3.4');
      expect(text('logs/main.log')).toContain('signed in');
      expect(text('logs/main.1.log')).toContain('legacy: proxy http://[REDACTED]@127.0.0.1');

      expect(tokens.size).toBeGreaterThanOrEqual(1);
      secrets.push(...tokens, Buffer.from(`${LOGIN.user}:${LOGIN.password}`).toString('base64'));
      const found = names.flatMap((name) =>
        secrets.filter((s) => text(name).includes(s)).map((s) => `${name}: ${s.slice(0, 3)}…`),
      );
      expect(found).toEqual([]);
    } finally {
      await c.close();
    }
  });

  it('saves without logs or dumps when there are none, and says what it holds', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'ccms-bundle-nologs-'));
    const c = await startCore(sim, { logDir: join(empty, 'missing'), crashDumpsDir: empty });
    try {
      const saved = await c.ok('saveSupportBundle', {});
      const names = Object.keys(unzipSync(new Uint8Array(await readFile(saved.path))));
      expect(names.filter((n) => n.startsWith('crash-dumps/'))).toEqual([]);
      expect(names).toEqual(
        expect.arrayContaining(['manifest.json', 'connectivity-report.txt', 'policy.txt']),
      );
    } finally {
      await c.close();
      await rm(empty, { recursive: true, force: true });
    }
  });
});
