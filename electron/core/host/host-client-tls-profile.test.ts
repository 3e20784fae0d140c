// The host client's Node path accepts only the TLS profile of shared/tls-profile.ts: a real TLS
// server that offers nothing else than a suite outside it (static RSA, CBC) is refused.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { CcmsError } from '../../../shared/errors.js';
import { HostClient } from './host-client.js';
import { makeCa, makeServerCert } from './testing/tls-fixtures.js';

const ca = makeCa('TLS profile test CA');
const pair = makeServerCert(ca);
const health = {
  status: 'ok',
  version: '1',
  environment: 'test',
  serverTime: '2026-01-01T09:00:00.000Z',
};

let requests = 0;

/** An HTTPS server on 127.0.0.1 offering TLS 1.2 with only the given OpenSSL cipher suites. */
async function withServer<T>(ciphers: string, use: (url: string) => Promise<T>): Promise<T> {
  requests = 0;
  const server = https.createServer(
    { cert: pair.certPem, key: pair.keyPem, ciphers, maxVersion: 'TLSv1.2' },
    (_req, res) => {
      requests++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(health));
    },
  );
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await use(`https://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
}

const client = (baseUrl: string) =>
  new HostClient({ baseUrl, extraCaPems: [ca.certPem], sleep: async () => undefined });

describe('HostClient TLS profile (Node path)', () => {
  it.each([
    ['static-RSA CBC', 'AES128-SHA'],
    ['static-RSA CBC with SHA-256', 'AES256-SHA256'],
    ['static-RSA GCM (no forward secrecy)', 'AES128-GCM-SHA256'],
    ['ECDHE with CBC', 'ECDHE-RSA-AES128-SHA'],
  ])('FAULT host offers only %s: TLS_ERROR, no request sent', async (_what, ciphers) => {
    const err = (await withServer(ciphers, (url) =>
      client(url)
        .health()
        .catch((e: unknown) => e),
    )) as CcmsError;
    expect(err.code).toBe('TLS_ERROR');
    expect(requests).toBe(0);
  });

  it('accepts the same server offering ECDHE with AES-GCM', async () => {
    await expect(
      withServer('ECDHE-RSA-AES128-GCM-SHA256', (url) => client(url).health()),
    ).resolves.toMatchObject({ status: 'ok' });
    expect(requests).toBe(1);
  });
});
