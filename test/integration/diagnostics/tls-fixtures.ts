// Certificates made on the spot with node-forge (a CA, and leaves that are good, expired or for the
// wrong name), and a minimal HTTPS host serving /api/v1/health with them: the faulty hosts the
// connectivity check's fault tests aim at.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';

/** A certificate and its private key, PEM. */
export interface Pem {
  cert: string;
  key: string;
}

function keyPair(): {
  privateKey: forge.pki.rsa.PrivateKey;
  publicKey: forge.pki.rsa.PublicKey;
  pem: string;
} {
  // Node's native RSA generation is fast; forge's pure-JS one takes seconds.
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const key = forge.pki.privateKeyFromPem(privateKey) as forge.pki.rsa.PrivateKey;
  return { privateKey: key, publicKey: forge.pki.rsa.setPublicKey(key.n, key.e), pem: privateKey };
}

const DAY = 86_400_000;

/** A self-signed certificate authority. */
export function makeCa(
  name: string,
): Pem & { forgeCert: forge.pki.Certificate; forgeKey: forge.pki.rsa.PrivateKey } {
  const k = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = k.publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - DAY);
  cert.validity.notAfter = new Date(Date.now() + 365 * DAY);
  const attrs = [{ name: 'commonName', value: name }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
  ]);
  cert.sign(k.privateKey, forge.md.sha256.create());
  return {
    cert: forge.pki.certificateToPem(cert),
    key: k.pem,
    forgeCert: cert,
    forgeKey: k.privateKey,
  };
}

/** A server certificate signed by `ca` for the given names, valid between the given offsets (days). */
export function makeLeaf(
  ca: ReturnType<typeof makeCa>,
  opts: { dnsNames: string[]; ips: string[]; fromDays: number; toDays: number },
): Pem {
  const k = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = k.publicKey;
  cert.serialNumber = `02${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() + opts.fromDays * DAY);
  cert.validity.notAfter = new Date(Date.now() + opts.toDays * DAY);
  cert.setSubject([{ name: 'commonName', value: opts.dnsNames[0] ?? opts.ips[0] ?? 'host' }]);
  cert.setIssuer(ca.forgeCert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...opts.dnsNames.map((value) => ({ type: 2, value })),
        ...opts.ips.map((ip) => ({ type: 7, ip })),
      ],
    },
  ]);
  cert.sign(ca.forgeKey, forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: k.pem };
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
