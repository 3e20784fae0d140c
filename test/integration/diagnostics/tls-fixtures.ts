// Certificates made on the spot (a CA, and leaves that are good, expired or for the wrong name,
// from the host client tests' fixture), and a minimal HTTPS host serving /api/v1/health with
// them: the faulty hosts the connectivity check's fault tests aim at.
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type forge from 'node-forge';
import {
  makeCa as makeTestCa,
  makeServerCert,
} from '../../../electron/core/host/testing/tls-fixtures.js';

/** A certificate and its private key, PEM. */
export interface Pem {
  cert: string;
  key: string;
}

const DAY = 86_400_000;

/** A self-signed certificate authority (the host client tests' own fixture, in this shape). */
export function makeCa(
  name: string,
): Pem & { forgeCert: forge.pki.Certificate; forgeKey: forge.pki.rsa.PrivateKey } {
  const ca = makeTestCa(name);
  return { cert: ca.certPem, key: ca.keyPem, forgeCert: ca.cert, forgeKey: ca.priv };
}

/** A server certificate signed by `ca` for the given names, valid between the given offsets (days). */
export function makeLeaf(
  ca: ReturnType<typeof makeCa>,
  opts: { dnsNames: string[]; ips: string[]; fromDays: number; toDays: number },
): Pem {
  const pair = makeServerCert(
    { cert: ca.forgeCert, priv: ca.forgeKey, certPem: ca.cert, keyPem: ca.key },
    {
      notBefore: new Date(Date.now() + opts.fromDays * DAY),
      notAfter: new Date(Date.now() + opts.toDays * DAY),
      dnsNames: opts.dnsNames,
      ips: opts.ips,
    },
  );
  return { cert: pair.certPem, key: pair.keyPem };
}

/** A running HTTPS host that answers /api/v1/health, on 127.0.0.1 and a random port. */
export interface HealthHost {
  url: string;
  close(): Promise<void>;
}

/** Starts an HTTPS host on 127.0.0.1:0 whose health reply reports `serverTime` shifted by `skewMs`. */
export async function startHealthHost(
  pem: Pem,
  opts: { skewMs?: number; status?: number; body?: string; prefix?: string } = {},
): Promise<HealthHost> {
  const server = https.createServer({ cert: pem.cert, key: pem.key }, (req, res) => {
    if (req.url !== `${opts.prefix ?? ''}/api/v1/health`) {
      res.writeHead(404).end();
      return;
    }
    const body =
      opts.body ??
      JSON.stringify({
        status: 'ok',
        version: 'fixture-1.0.0',
        environment: 'simulator',
        serverTime: new Date(Date.now() + (opts.skewMs ?? 0)).toISOString(),
      });
    res.writeHead(opts.status ?? 200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
