// Fault tests of the connectivity check: each test names the fault it injects. The hosts are real
// HTTPS servers on 127.0.0.1 with certificates made for the fault (tls-fixtures.ts); the keychain
// is the real one (run under scripts/with-keyring.sh) unless the test is about its failure.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  runDiagnostics,
  type DiagnosticsDeps,
  type DiagnosticsTarget,
} from '../../../electron/core/diagnostics/run-diagnostics.js';
import { Vault, createOsKeychain, type Keychain } from '../../../electron/core/vault/vault.js';
import { CcmsError } from '../../../shared/errors.js';
import type { DiagnosticReport, DiagnosticStep } from '../../../shared/bridge.js';
import { makeCa, makeLeaf, startHealthHost, type HealthHost } from './tls-fixtures.js';

const vault = new Vault(createOsKeychain(), {
  sharedDesk: false,
  service: `CCMS Terminal diag ${randomUUID()}`,
});
let ca: ReturnType<typeof makeCa>;
const closers: Array<() => Promise<void>> = [];

beforeAll(() => {
  ca = makeCa('CCMS Test CA');
});
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function host(
  leaf: { fromDays?: number; toDays?: number; dnsNames?: string[]; ips?: string[] } = {},
  opts: Parameters<typeof startHealthHost>[1] = {},
): Promise<HealthHost> {
  const pem = makeLeaf(ca, {
    dnsNames: leaf.dnsNames ?? ['localhost'],
    ips: leaf.ips ?? ['127.0.0.1'],
    fromDays: leaf.fromDays ?? -1,
    toDays: leaf.toDays ?? 90,
  });
  const h = await startHealthHost(pem, opts);
  closers.push(h.close);
  return h;
}

async function check(
  target: Partial<DiagnosticsTarget> & { url: string },
  v: Vault = vault,
  stepTimeoutMs = 5_000,
  more: Partial<DiagnosticsDeps> = {},
): Promise<{ report: DiagnosticReport; progress: DiagnosticStep[] }> {
  const progress: DiagnosticStep[] = [];
  const report = await runDiagnostics(
    { environment: 'simulator', caPems: [ca.cert], ...target },
    { vault: v, onProgress: (s) => progress.push(s), stepTimeoutMs, ...more },
  );
  return { report, progress };
}

function step(report: DiagnosticReport, id: DiagnosticStep['id']): DiagnosticStep {
  const s = report.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id} step`);
  return s;
}

describe('connectivity check against a healthy host', () => {
  it('passes every step over a certificate from the configured CA and reports progress', async () => {
    const h = await host();
    const { report, progress } = await check({ url: h.url });
    expect(report.steps.map((s) => [s.id, s.status])).toEqual([
      ['dns', 'pass'],
      ['tcp', 'pass'],
      ['tls', 'pass'],
      ['health', 'pass'],
      ['clock', 'pass'],
      ['proxy', 'pass'],
      ['keychain', 'pass'],
    ]);
    expect(step(report, 'tls').details).toMatchObject({
      hostnameMatch: 'yes',
      trusted: 'yes',
      chain: 'localhost < CCMS Test CA',
    });
    expect(Number(step(report, 'tls').details['daysToExpiry'])).toBeGreaterThan(80);
    expect(step(report, 'health').details).toMatchObject({ version: 'fixture-1.0.0' });
    for (const id of ['dns', 'tcp', 'tls', 'health', 'clock', 'proxy', 'keychain']) {
      expect(progress.filter((p) => p.id === id).map((p) => p.status)[0], id).toBe('running');
    }
    expect(report.text).toContain('[PASS] tls');
    expect(report.text).toContain(h.url);
  });
});

describe('connectivity check against a host under a base path', () => {
  it('asks <base>/api/v1/health, as the host client does', async () => {
    const h = await host({}, { prefix: '/ccms' });
    const { report } = await check({ url: `${h.url}/ccms/` });
    expect(step(report, 'health').status).toBe('pass');
    expect(report.hostUrl).toBe(`${h.url}/ccms/`);
  });
});

describe('fault tests', () => {
  it('fault: host down (nothing listens on the port)', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const { report } = await check({ url: `https://127.0.0.1:${port}` });
    expect(step(report, 'tcp')).toMatchObject({
      status: 'fail',
      adviceKey: 'tcpFailed',
      details: { error: 'ECONNREFUSED' },
    });
    for (const id of ['tls', 'health', 'clock'] as const)
      expect(step(report, id).status).toBe('skipped');
    expect(report.text).toContain('[FAIL] tcp (advice: tcpFailed)');
  });

  it('fault: host hanging past the timeout (accepts TCP, never answers TLS)', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    closers.push(
      () =>
        new Promise<void>((r) => {
          sockets.forEach((s) => s.destroy());
          silent.close(() => r());
        }),
    );
    const { port } = silent.address() as AddressInfo;
    const { report } = await check({ url: `https://127.0.0.1:${port}` }, vault, 300);
    expect(step(report, 'tcp').status).toBe('pass');
    expect(step(report, 'tls')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsFailed',
      details: { error: 'ETIMEDOUT' },
    });
  });

  it('fault: wrong CA (the host certificate is from a CA the client was not given)', async () => {
    const h = await host();
    const other = makeCa('Some Other CA');
    const { report } = await check({ url: h.url, caPems: [other.cert] });
    expect(step(report, 'tls')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsUntrusted',
      details: { trusted: 'no' },
    });
    expect(step(report, 'health').status).toBe('skipped');
  });

  it('fault: expired certificate', async () => {
    const h = await host({ fromDays: -30, toDays: -1 });
    const { report } = await check({ url: h.url });
    expect(step(report, 'tls')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsExpired',
      details: { error: 'CERT_HAS_EXPIRED' },
    });
    expect(Number(step(report, 'tls').details['daysToExpiry'])).toBeLessThan(0);
  });

  it('fault: certificate expiring within 14 days (a warning, the check goes on)', async () => {
    const h = await host({ toDays: 3 });
    const { report } = await check({ url: h.url });
    expect(step(report, 'tls')).toMatchObject({ status: 'warn', adviceKey: 'tlsExpiresSoon' });
    expect(step(report, 'health').status).toBe('pass');
  });

  it('fault: hostname mismatch (certificate for another name)', async () => {
    const h = await host({ dnsNames: ['ccms.other.example'], ips: [] });
    const { report } = await check({ url: h.url });
    expect(step(report, 'tls')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsNameMismatch',
      details: { hostnameMatch: 'no' },
    });
  });

  it('fault: clock skewed (the host is 2 minutes ahead)', async () => {
    const h = await host({}, { skewMs: 120_000 });
    const { report } = await check({ url: h.url });
    const clock = step(report, 'clock');
    expect(clock).toMatchObject({ status: 'warn', adviceKey: 'clockSkew' });
    expect(Number(clock.details['offsetSec'])).toBeGreaterThan(100);
  });

  it('fault: host service unavailable (health answers 503)', async () => {
    const h = await host(
      {},
      { status: 503, body: '{"error":{"code":"INTERNAL","message":"down"}}' },
    );
    const { report } = await check({ url: h.url });
    expect(step(report, 'health')).toMatchObject({
      status: 'fail',
      adviceKey: 'hostDown',
      details: { httpStatus: '503' },
    });
    expect(step(report, 'clock')).toMatchObject({ status: 'skipped', adviceKey: 'clockFailed' });
  });

  it('fault: host answers health with something that is not the protocol', async () => {
    const h = await host({}, { body: '<html>captive portal</html>' });
    const { report } = await check({ url: h.url });
    expect(step(report, 'health')).toMatchObject({ status: 'fail', adviceKey: 'badReply' });
  });

  it('fault: host name that does not resolve', async () => {
    const { report } = await check({ url: 'https://ccms-host.invalid' });
    expect(step(report, 'dns')).toMatchObject({ status: 'fail', adviceKey: 'dnsFailed' });
    expect(step(report, 'tcp').status).toBe('skipped');
  });

  it('fault: keychain unavailable (fake Keychain that rejects every call)', async () => {
    const down = () => Promise.reject(new CcmsError('KEYCHAIN_UNAVAILABLE', 'locked'));
    const broken: Keychain = { get: down, set: down, delete: down, list: down };
    const h = await host();
    const { report } = await check({ url: h.url }, new Vault(broken, { sharedDesk: false }));
    expect(step(report, 'keychain')).toMatchObject({
      status: 'warn',
      adviceKey: 'keychainUnavailable',
    });
  });

  it('rejects a host URL that is not https with a clear error', async () => {
    await expect(check({ url: 'http://127.0.0.1:1' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('https://'),
    });
    await expect(check({ url: 'not a url' })).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});

describe('through an HTTP proxy', () => {
  let proxy: http.Server;
  let proxyPort = 0;
  const seen: string[] = [];
  const tunnels: net.Socket[] = [];
  beforeAll(async () => {
    // A real CONNECT proxy: refuses one forbidden port, tunnels everything else.
    proxy = http.createServer((_req, res) => res.writeHead(405).end());
    proxy.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
      seen.push(`${req.url ?? ''} auth=${req.headers['proxy-authorization'] ? 'yes' : 'no'}`);
      tunnels.push(client);
      const [h, p] = (req.url ?? '').split(':');
      if (p === '1') {
        client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
        return;
      }
      if (p === '2') {
        client.end(
          'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Negotiate\r\n\r\n',
        );
        return;
      }
      const upstream = net.connect(Number(p), h, () => {
        tunnels.push(upstream);
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    proxyPort = (proxy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    // Tunnelled sockets left the HTTP server's bookkeeping at CONNECT: end them by hand.
    tunnels.forEach((t) => t.destroy());
    proxy.closeAllConnections();
    await new Promise<void>((r) => proxy.close(() => r()));
  });

  it('tunnels the whole check through the proxy and never shows its password', async () => {
    const h = await host();
    const { report } = await check({
      url: h.url,
      proxy: `http://it-user:Proxy-Pass-9@127.0.0.1:${proxyPort}`,
    });
    expect(step(report, 'proxy')).toMatchObject({
      status: 'pass',
      adviceKey: 'proxyInUse',
      details: { authenticated: 'yes' },
    });
    expect(step(report, 'health').status).toBe('pass');
    expect(seen.at(-1)).toBe(`${new URL(h.url).host} auth=yes`);
    expect(JSON.stringify(report)).not.toContain('Proxy-Pass-9');
  });

  it('fault: proxy refuses the tunnel', async () => {
    const { report } = await check({
      url: 'https://127.0.0.1:1',
      proxy: `http://127.0.0.1:${proxyPort}`,
    });
    expect(step(report, 'tcp')).toMatchObject({ status: 'fail', adviceKey: 'proxyFailed' });
  });

  it('goes through the system proxy when policy sets none', async () => {
    const h = await host();
    const asked: string[] = [];
    const resolveProxy = async (u: string) => {
      asked.push(u);
      return `PROXY 127.0.0.1:${proxyPort}; DIRECT`;
    };
    const { report } = await check({ url: h.url }, vault, 5_000, { resolveProxy });
    expect(asked).toEqual([`${h.url}/`]);
    expect(step(report, 'proxy')).toMatchObject({
      status: 'pass',
      adviceKey: 'proxyInUse',
      details: { source: 'system', proxy: `http://127.0.0.1:${proxyPort}` },
    });
    expect(step(report, 'tcp').details['address']).toContain('through the proxy');
    expect(step(report, 'health').status).toBe('pass');
  });

  it('connects directly when the system proxy settings say DIRECT', async () => {
    const h = await host();
    const { report } = await check({ url: h.url }, vault, 5_000, {
      resolveProxy: async () => 'DIRECT',
    });
    expect(step(report, 'proxy')).toMatchObject({
      status: 'pass',
      details: { proxy: 'system (DIRECT)' },
    });
    expect(step(report, 'health').status).toBe('pass');
  });

  it('fault: system proxy is SOCKS (used by the app, not testable by the check)', async () => {
    const h = await host();
    const { report } = await check({ url: h.url }, vault, 5_000, {
      resolveProxy: async () => 'SOCKS5 127.0.0.1:1080',
    });
    expect(step(report, 'proxy')).toMatchObject({
      status: 'warn',
      adviceKey: 'proxyInUse',
      details: { tested: 'no' },
    });
  });

  it('fault: system proxy lookup hanging past the timeout', async () => {
    const { report } = await check({ url: 'https://127.0.0.1:1' }, vault, 200, {
      resolveProxy: () => new Promise<string>(() => {}),
    });
    expect(step(report, 'proxy')).toMatchObject({
      status: 'fail',
      adviceKey: 'proxyFailed',
      details: { error: 'ETIMEDOUT' },
    });
    expect(step(report, 'tcp').status).toBe('skipped');
  });

  it('fault: proxy requires Windows authentication (407)', async () => {
    const { report } = await check({
      url: 'https://127.0.0.1:2',
      proxy: `http://127.0.0.1:${proxyPort}`,
    });
    expect(step(report, 'tcp')).toMatchObject({
      status: 'warn',
      adviceKey: 'proxyAuthRequired',
      details: { error: 'EPROXYAUTH' },
    });
    expect(step(report, 'tls').status).toBe('skipped');
  });

  it('fault: proxy down', async () => {
    const { report } = await check({ url: 'https://127.0.0.1:1', proxy: 'http://127.0.0.1:1' });
    expect(step(report, 'proxy')).toMatchObject({ status: 'fail', adviceKey: 'proxyFailed' });
    expect(step(report, 'tcp').status).toBe('skipped');
  });
});
