// The connectivity check through the core, as the renderer runs it (`runDiagnostics` on the
// bridge), behind real proxies on 127.0.0.1 (the `proxy` package, with and without a Basic
// sign-in): the real path (the core's host client) and the probes take the same proxy, and each
// fault gets the advice that fits it. Hosts are the real simulator or real HTTPS fixtures.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  DiagnosticDetailKey,
  type DiagnosticReport,
  type DiagnosticStep,
} from '../../../shared/bridge.js';
import { startCore, startSim, type CoreHandle, type SimHandle } from '../core/harness.js';
import { startProxy, startRefusingProxy, type TestProxy } from './proxies.js';
import { makeCa, makeLeaf, startHealthHost, type HealthHost } from './tls-fixtures.js';

const LOGIN = { user: 'desk-proxy-acct', password: 'Proxy-Pass-9' };

let sim: SimHandle;
let ca: ReturnType<typeof makeCa>;
const closers: Array<() => Promise<void>> = [];
beforeAll(async () => {
  sim = await startSim();
  ca = makeCa('CCMS Test CA');
});
afterAll(() => sim.close());
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function proxy(login?: typeof LOGIN): Promise<TestProxy> {
  const p = await startProxy(login);
  closers.push(p.close);
  return p;
}

async function core(policy: Record<string, unknown>, over = {}): Promise<CoreHandle> {
  const c = await startCore(sim, over, policy);
  closers.push(c.close);
  // On a 407 the host client asks the user for the proxy's sign-in (the core's proxy sign-in
  // prompt); this user closes the prompt, as one without the password would.
  c.core.onEvent((name, payload) => {
    const id = (payload as { id?: unknown } | null)?.id;
    if ((name as string) === 'proxyAuthRequired' && typeof id === 'string')
      void c.core.call('answerProxyAuth', { id, cancel: true });
  });
  return c;
}

async function fixtureHost(
  leaf: { dnsNames?: string[]; ips?: string[] } = {},
): Promise<HealthHost> {
  const pem = makeLeaf(ca, {
    dnsNames: leaf.dnsNames ?? ['localhost'],
    ips: leaf.ips ?? ['127.0.0.1'],
    fromDays: -1,
    toDays: 90,
  });
  const h = await startHealthHost(pem);
  closers.push(h.close);
  return h;
}

/** A production host named by policy, trusted through `cas`, reached through `proxyUrl`. */
const production = (url: string, proxyUrl: string, cas = [ca.cert]) => ({
  hostUrls: { production: url },
  allowedEnvironments: ['production'],
  extraCaCertificates: cas,
  proxy: proxyUrl,
});

function step(report: DiagnosticReport, id: DiagnosticStep['id']): DiagnosticStep {
  const s = report.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id} step`);
  // Every fact is one the renderer has a label for.
  for (const key of Object.keys(s.details)) expect(DiagnosticDetailKey.options).toContain(key);
  return s;
}

const statuses = (r: DiagnosticReport) => r.steps.map((s) => `${s.id}:${s.status}`);

/** Every progress event the renderer was sent, as text. */
const sent = (c: CoreHandle) =>
  JSON.stringify(c.events.filter((e) => e.name === 'diagnosticsProgress'));

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('connectivity check through a local CONNECT proxy', () => {
  it('reaches the simulator: every step passes, the real path and the probes both tunnel', async () => {
    const p = await proxy();
    const c = await core({ proxy: p.url() });
    const report = await c.ok('runDiagnostics', {});
    expect(statuses(report)).toEqual([
      'dns:pass',
      'tcp:pass',
      'tls:pass',
      'health:pass',
      'clock:pass',
      'proxy:pass',
      'keychain:pass',
    ]);
    const simHost = new URL(sim.sim.url).host;
    expect(step(report, 'proxy').details).toMatchObject({
      source: 'policy',
      proxy: `127.0.0.1:${p.port}`,
      credentials: 'no',
      proxyStatus: '200',
    });
    expect(step(report, 'tcp').details).toMatchObject({ via: `127.0.0.1:${p.port}` });
    expect(step(report, 'health').details).toMatchObject({ transport: 'node', status: 'ok' });
    // One tunnel for the host client's /health, one for the probe.
    expect(p.seen.filter((s) => s === `${simHost} auth=no`).length).toBeGreaterThanOrEqual(2);
  });

  it('fault: 407, the proxy refuses the sign-in in policy: names the proxy, never the password', async () => {
    const p = await proxy(LOGIN);
    const c = await core({ proxy: p.url({ user: LOGIN.user, password: 'Wrong-Pass-1' }) });
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'proxy')).toMatchObject({
      status: 'fail',
      adviceKey: 'proxyAuthFailed',
      details: {
        proxy: `127.0.0.1:${p.port}`,
        credentials: 'yes',
        proxyStatus: '407',
        error: 'EPROXYAUTH',
      },
    });
    expect(step(report, 'health')).toMatchObject({
      status: 'fail',
      adviceKey: 'proxyAuthFailed',
      details: { proxy: `127.0.0.1:${p.port}` },
    });
    expect(step(report, 'tcp').status).toBe('skipped');
    expect(p.seen.every((s) => s.endsWith('auth=yes'))).toBe(true);
    for (const text of [sent(c), JSON.stringify(report)]) {
      expect(text).not.toContain('Wrong-Pass-1');
      expect(text).not.toContain(LOGIN.user);
    }
  });

  it('fault: 407, the proxy asks for a sign-in the policy does not give', async () => {
    const p = await proxy(LOGIN);
    const c = await core({ proxy: p.url() });
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'proxy')).toMatchObject({
      status: 'fail',
      adviceKey: 'proxyAuthRequired',
      details: { proxy: `127.0.0.1:${p.port}`, credentials: 'no', proxyStatus: '407' },
    });
    expect(step(report, 'health').adviceKey).toBe('proxyAuthRequired');
  });

  it('gets through the same proxy with the right sign-in in the proxy URL', async () => {
    const p = await proxy(LOGIN);
    const c = await core({ proxy: p.url(LOGIN) });
    const report = await c.ok('runDiagnostics', {});
    expect(report.steps.filter((s) => s.status !== 'pass')).toEqual([]);
    expect(step(report, 'proxy').details).toMatchObject({ credentials: 'yes', proxyStatus: '200' });
    expect(p.seen.length).toBeGreaterThanOrEqual(2);
    expect(p.seen.every((s) => s.endsWith('auth=yes'))).toBe(true);
    // The proxy's user and password never reach the renderer or the report.
    for (const text of [sent(c), report.text, JSON.stringify(report)]) {
      expect(text).not.toContain(LOGIN.password);
      expect(text).not.toContain(`${LOGIN.user}:`);
      expect(text).not.toContain('@127.0.0.1');
    }
  });

  it('fault: the host port refuses the proxy: the proxy could not reach the host', async () => {
    const p = await proxy();
    const c = await core(production(`https://127.0.0.1:${await freePort()}`, p.url()));
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'tcp')).toMatchObject({
      status: 'fail',
      adviceKey: 'proxyCouldNotReach',
      details: { via: `127.0.0.1:${p.port}`, proxyStatus: '500' },
    });
    expect(step(report, 'health')).toMatchObject({
      status: 'fail',
      adviceKey: 'proxyCouldNotReach',
    });
    expect(step(report, 'proxy').status).toBe('pass');
  });

  it('fault: a host name nobody can resolve: the name is unknown', async () => {
    const p = await proxy();
    const c = await core(production('https://ccms-host.invalid', p.url()));
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'dns')).toMatchObject({ status: 'warn', adviceKey: 'dnsViaProxy' });
    expect(step(report, 'tcp')).toMatchObject({
      status: 'fail',
      adviceKey: 'proxyCouldNotReach',
      details: { proxyStatus: '404' },
    });
    expect(step(report, 'health')).toMatchObject({ status: 'fail', adviceKey: 'dnsFailed' });
  });

  it('fault: a certificate from a CA the policy does not name', async () => {
    const p = await proxy();
    const h = await fixtureHost();
    const c = await core(production(h.url, p.url(), [makeCa('Some Other CA').cert]));
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'tcp').status).toBe('pass');
    expect(step(report, 'tls')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsUntrusted',
      details: { trusted: 'no', chain: 'localhost' },
    });
    expect(step(report, 'health')).toMatchObject({ status: 'fail', adviceKey: 'tlsUntrusted' });
  });

  it('fault: a certificate for another name', async () => {
    const p = await proxy();
    const h = await fixtureHost({ dnsNames: ['ccms.other.example'], ips: [] });
    const c = await core(production(h.url, p.url()));
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'tls')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsNameMismatch',
      details: { hostnameMatch: 'no' },
    });
    expect(step(report, 'health').adviceKey).toBe('tlsNameMismatch');
  });

  it('fault: the proxy refuses the tunnel (403): ask IT to allow the host', async () => {
    const p = await startRefusingProxy();
    closers.push(p.close);
    const c = await core({ proxy: p.url() });
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'tcp')).toMatchObject({
      status: 'fail',
      adviceKey: 'proxyRefused',
      details: { proxyStatus: '403' },
    });
    expect(step(report, 'health').adviceKey).toBe('proxyRefused');
  });

  it('fault: nothing answers at the proxy address', async () => {
    const port = await freePort();
    const c = await core({ proxy: `http://127.0.0.1:${port}` });
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'proxy')).toMatchObject({
      status: 'fail',
      adviceKey: 'proxyUnreachable',
      details: { proxy: `127.0.0.1:${port}`, error: 'EPROXYCONNECT' },
    });
    expect(step(report, 'health').adviceKey).toBe('proxyUnreachable');
  });
});

describe('the system proxy answer (CoreOptions.resolveProxy, Electron session.resolveProxy)', () => {
  it('is shown in the proxy step and the probes go through the proxy it names', async () => {
    const p = await proxy();
    const asked: string[] = [];
    const resolveProxy = async (url: string) => {
      asked.push(url);
      return `PROXY 127.0.0.1:${p.port}; DIRECT`;
    };
    const c = await core({}, { resolveProxy });
    const report = await c.ok('runDiagnostics', {});
    expect(asked).toEqual([`${sim.sim.url}/`]);
    expect(step(report, 'proxy')).toMatchObject({
      status: 'pass',
      details: {
        source: 'system',
        rules: `PROXY 127.0.0.1:${p.port}; DIRECT`,
        proxy: `127.0.0.1:${p.port}`,
      },
    });
    expect(p.seen).toContain(`${new URL(sim.sim.url).host} auth=no`);
    expect(report.text).toContain(`rules: PROXY 127.0.0.1:${p.port}; DIRECT`);
  });

  it('with the policy proxy named in the answer, the probes use the policy URL and its sign-in', async () => {
    const p = await proxy(LOGIN);
    const c = await core(
      { proxy: p.url(LOGIN) },
      { resolveProxy: async () => `PROXY 127.0.0.1:${p.port}` },
    );
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'proxy')).toMatchObject({
      status: 'pass',
      details: { source: 'policy', rules: `PROXY 127.0.0.1:${p.port}`, credentials: 'yes' },
    });
  });

  it('DIRECT: the check connects directly and says so', async () => {
    const c = await core({}, { resolveProxy: async () => 'DIRECT' });
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'proxy')).toMatchObject({
      status: 'pass',
      details: { source: 'system', rules: 'DIRECT' },
    });
    expect(step(report, 'tcp').details['via']).toBeUndefined();
    expect(step(report, 'health').status).toBe('pass');
  });

  it('fault: a SOCKS proxy the probes cannot use: a warning, the real path still decides', async () => {
    const c = await core({}, { resolveProxy: async () => 'SOCKS5 127.0.0.1:1080' });
    const report = await c.ok('runDiagnostics', {});
    expect(step(report, 'proxy')).toMatchObject({
      status: 'warn',
      adviceKey: 'proxyNotTestable',
      details: { proxy: 'SOCKS5 127.0.0.1:1080', tested: 'no' },
    });
    expect(step(report, 'tcp')).toMatchObject({ status: 'skipped', adviceKey: 'proxyNotTestable' });
    expect(step(report, 'tls')).toMatchObject({
      status: 'pass',
      details: { verifiedBy: 'terminal' },
    });
    expect(step(report, 'health').status).toBe('pass');
  });
});
