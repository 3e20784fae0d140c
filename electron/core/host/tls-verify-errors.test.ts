// Every way a host's certificate chain can fail verification is a TLS_ERROR (its advice is about
// certificates), never HOST_UNREACHABLE (whose advice is about the network): real TLS servers
// presenting each bad chain to the real host client.
import { afterAll, describe, expect, it } from 'vitest';
import { CcmsError } from '../../../shared/errors.js';
import { HostClient } from './host-client.js';
import { issue, type Issued } from './testing/chain-fixtures.js';
import { startHttpsServer, type TestServer } from './testing/tls-fixtures.js';

const root = issue({ commonName: 'Chain Test Root', ca: true });
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

/** Serves `leaf` with `intermediates` and asks the host client for /health. */
async function healthThrough(leaf: Issued, intermediates: Issued[]) {
  const server = await startHttpsServer(
    {
      certPem: [leaf.certPem, ...intermediates.map((c) => c.certPem)].join(''),
      keyPem: leaf.keyPem,
    },
    (_req, res) => res.end('{}'),
  );
  servers.push(server);
  const client = new HostClient({
    baseUrl: server.url,
    extraCaPems: [root.certPem],
    retry: { retries: 0, baseDelayMs: 1 },
    connectTimeoutMs: 5_000,
    totalTimeoutMs: 10_000,
  });
  try {
    await client.health();
    return 'ok';
  } catch (err) {
    return err instanceof CcmsError ? err.code : String(err);
  } finally {
    client.close();
  }
}

const leafOf = (issuer: Issued, over: Partial<Parameters<typeof issue>[0]> = {}) =>
  issue({ commonName: 'localhost', issuer, ips: ['127.0.0.1'], eku: ['serverAuth'], ...over });

describe('host certificate verification failures are TLS errors', () => {
  it('a chain that breaks pathLen:0', async () => {
    const constrained = issue({ commonName: 'Constrained CA', issuer: root, ca: true, pathLen: 0 });
    const sub = issue({ commonName: 'Sub CA', issuer: constrained, ca: true });
    expect(await healthThrough(leafOf(sub), [sub, constrained])).toBe('TLS_ERROR');
  });

  it('an intermediate that is not a CA', async () => {
    const notCa = issue({ commonName: 'Not a CA', issuer: root, keyUsage: ['keyCertSign'] });
    expect(await healthThrough(leafOf(notCa), [notCa])).toBe('TLS_ERROR');
  });

  it('a leaf for client authentication only', async () => {
    expect(await healthThrough(leafOf(root, { eku: ['clientAuth'] }), [])).toBe('TLS_ERROR');
  });
});
