import { connect, type TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type TestHost } from './harness.js';

type Outcome = { ok: true; cipher: string; version: string } | { ok: false; error: string };

describe("the host's TLS: 1.2 and 1.3 only, ECDHE key exchange with AEAD ciphers only", () => {
  let host: TestHost;
  beforeAll(async () => {
    host = await startHost();
  });
  afterAll(async () => host.close());

  // A real TLS client (Node's OpenSSL) offering only what it is told to.
  function handshake(opts: {
    ciphers: string;
    minVersion?: 'TLSv1' | 'TLSv1.2' | 'TLSv1.3';
    maxVersion?: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3';
  }): Promise<Outcome> {
    const url = new URL(host.sim.url);
    return new Promise((resolve) => {
      const socket: TLSSocket = connect({
        host: url.hostname,
        port: Number(url.port),
        ca: host.sim.caCertPem,
        servername: 'localhost',
        ...opts,
      });
      socket.once('secureConnect', () => {
        const cipher = socket.getCipher();
        resolve({ ok: true, cipher: cipher.standardName, version: socket.getProtocol() ?? '' });
        socket.destroy();
      });
      socket.once('error', (e) => resolve({ ok: false, error: String(e) }));
    });
  }

  it.each([
    ['static-RSA CBC', 'AES128-SHA:AES256-SHA:AES128-SHA256:AES256-SHA256'],
    ['static-RSA GCM (no forward secrecy)', 'AES128-GCM-SHA256:AES256-GCM-SHA384'],
    [
      'ECDHE with CBC',
      'ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384',
    ],
    ['finite-field DHE', 'DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384'],
  ])('refuses a TLS 1.2 client offering only %s', async (_what, ciphers) => {
    const r = await handshake({ ciphers, maxVersion: 'TLSv1.2' });
    expect(r.ok, JSON.stringify(r)).toBe(false);
  });

  it('refuses TLS 1.1', async () => {
    const r = await handshake({
      ciphers: 'DEFAULT@SECLEVEL=0',
      minVersion: 'TLSv1',
      maxVersion: 'TLSv1.1',
    });
    expect(r.ok).toBe(false);
  });

  it.each([
    ['ECDHE-RSA-AES128-GCM-SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
    ['ECDHE-RSA-AES256-GCM-SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
    ['ECDHE-RSA-CHACHA20-POLY1305', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'],
  ])('accepts a TLS 1.2 client offering only %s', async (ciphers, standardName) => {
    expect(await handshake({ ciphers, maxVersion: 'TLSv1.2' })).toEqual({
      ok: true,
      cipher: standardName,
      version: 'TLSv1.2',
    });
  });

  it.each(['TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256'])(
    'accepts TLS 1.3 with %s',
    async (suite) => {
      expect(await handshake({ ciphers: suite, minVersion: 'TLSv1.3' })).toEqual({
        ok: true,
        cipher: suite,
        version: 'TLSv1.3',
      });
    },
  );
});
