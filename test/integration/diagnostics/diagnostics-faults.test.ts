// Fault tests of the connectivity check: each test names the fault it injects. The hosts are real
// HTTPS servers on 127.0.0.1 with certificates made for the fault (tls-fixtures.ts); the keychain
// is the real one (run under scripts/with-keyring.sh) unless the test is about its failure.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  runDiagnostics,
  type DiagnosticsDeps,
  type DiagnosticsTarget,
} from '../../../electron/core/diagnostics/run-diagnostics.js';
import { HostClient } from '../../../electron/core/host/host-client.js';
import { Vault, createOsKeychain, type Keychain } from '../../../electron/core/vault/vault.js';
import { CcmsError } from '../../../shared/errors.js';
import {
  DiagnosticDetailKey,
  type DiagnosticReport,
  type DiagnosticStep,
} from '../../../shared/bridge.js';
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
  more: Partial<DiagnosticsDeps> & { clientCaPems?: string[] } = {},
): Promise<{ report: DiagnosticReport; progress: DiagnosticStep[] }> {
  const progress: DiagnosticStep[] = [];
  const full = { environment: 'simulator' as const, caPems: [ca.cert], ...target };
  const { clientCaPems, ...deps } = more;
  // The host client as create-core.ts builds it for an environment: the real path.
  const client = new HostClient({
    baseUrl: full.url,
    extraCaPems: clientCaPems ?? full.caPems,
    connectTimeoutMs: stepTimeoutMs,
    ...(full.proxy !== undefined && { proxy: full.proxy }),
  });
  try {
    const report = await runDiagnostics(full, {
      host: client,
      vault: v,
      onProgress: (s) => progress.push(s),
      stepTimeoutMs,
      ...deps,
    });
    return { report, progress };
  } finally {
    client.close();
  }
}

function step(report: DiagnosticReport, id: DiagnosticStep['id']): DiagnosticStep {
  const s = report.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id} step`);
  // Every fact is one the renderer has a label for.
  for (const key of Object.keys(s.details)) expect(DiagnosticDetailKey.options).toContain(key);
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
  it('fault: host down (nothing listens on the port): the host service is not answering', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((r) => probe.close(() => r()));
    const { report } = await check({ url: `https://127.0.0.1:${port}` });
    expect(step(report, 'tcp')).toMatchObject({
      status: 'fail',
      adviceKey: 'hostNotAnswering',
      details: { error: 'ECONNREFUSED' },
    });
    expect(step(report, 'health')).toMatchObject({
      status: 'fail',
      adviceKey: 'hostNotAnswering',
      details: { error: 'HOST_UNREACHABLE', transport: 'node' },
    });
    for (const id of ['tls', 'clock'] as const) expect(step(report, id).status).toBe('skipped');
    expect(report.text).toContain('[FAIL] tcp (advice: hostNotAnswering)');
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
    expect(step(report, 'health')).toMatchObject({
      status: 'fail',
      adviceKey: 'hostTimeout',
      details: { error: 'HOST_TIMEOUT' },
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
    expect(step(report, 'health')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsUntrusted',
      details: { error: 'TLS_ERROR' },
    });
    expect(step(report, 'clock').status).toBe('skipped');
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
    expect(step(report, 'health')).toMatchObject({ status: 'fail', adviceKey: 'tlsExpired' });
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
    expect(step(report, 'health')).toMatchObject({ status: 'fail', adviceKey: 'tlsNameMismatch' });
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
      details: { error: 'INTERNAL' },
    });
    expect(step(report, 'tls').status).toBe('pass');
    expect(step(report, 'clock')).toMatchObject({ status: 'skipped', adviceKey: 'clockFailed' });
  });

  it('fault: host answers health with something that is not the protocol', async () => {
    const h = await host({}, { body: '<html>captive portal</html>' });
    const { report } = await check({ url: h.url });
    expect(step(report, 'health')).toMatchObject({
      status: 'fail',
      adviceKey: 'badReply',
      details: { error: 'BAD_HOST_REPLY' },
    });
  });

  it('fault: host name that does not resolve', async () => {
    const { report } = await check({ url: 'https://ccms-host.invalid' });
    expect(step(report, 'dns')).toMatchObject({ status: 'fail', adviceKey: 'dnsFailed' });
    expect(step(report, 'tcp').status).toBe('skipped');
    expect(step(report, 'health')).toMatchObject({ status: 'fail', adviceKey: 'dnsFailed' });
  });

  it('fault: the built-in placeholder host (IT has not configured the environment)', async () => {
    const { report } = await check({ url: 'https://ccms.example.invalid', caPems: [] });
    expect(step(report, 'dns')).toMatchObject({
      status: 'fail',
      adviceKey: 'hostNotConfigured',
      details: { host: 'ccms.example.invalid' },
    });
    for (const id of ['tcp', 'tls', 'health', 'clock'] as const)
      expect(step(report, id).status, id).toBe('skipped');
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
    const h = await host();
    const client = new HostClient({ baseUrl: h.url, extraCaPems: [ca.cert] });
    const run = (url: string) =>
      runDiagnostics(
        { environment: 'simulator', url, caPems: [] },
        { host: client, vault, onProgress: () => {} },
      );
    await expect(run('http://127.0.0.1:1')).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('https://'),
    });
    await expect(run('not a url')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
    client.close();
  });
});

describe('the real path decides', () => {
  it('fault: the host client does not trust the CA the probe trusts: TLS fails', async () => {
    const h = await host();
    const { report } = await check({ url: h.url }, vault, 5_000, { clientCaPems: [] });
    expect(step(report, 'tls')).toMatchObject({
      status: 'fail',
      adviceKey: 'tlsFailed',
      details: { trusted: 'yes', verifiedBy: 'probe' },
    });
    expect(step(report, 'health')).toMatchObject({
      status: 'fail',
      details: { error: 'TLS_ERROR' },
    });
  });

  it('a probe that fails while the host client gets through is a warning about the probe only', async () => {
    const h = await host();
    const { report } = await check({ url: h.url, caPems: [] }, vault, 5_000, {
      clientCaPems: [ca.cert],
    });
    expect(step(report, 'tls')).toMatchObject({
      status: 'warn',
      adviceKey: 'probeOnly',
      details: { trusted: 'no' },
    });
    expect(step(report, 'health').status).toBe('pass');
  });
});
