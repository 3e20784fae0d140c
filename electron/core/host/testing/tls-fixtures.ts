// Test support only: certificates and servers for host-client tests. Never imported by the app.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import https from 'node:https';
import http, { type RequestListener } from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import forge from 'node-forge';

/** A certificate and its key, PEM. */
export interface CertPair {
  certPem: string;
  keyPem: string;
}

function rsaKeys(): { pub: forge.pki.PublicKey; priv: forge.pki.rsa.PrivateKey; keyPem: string } {
  // Node generates the key natively (forge's pure-JS RSA takes seconds); forge signs the cert.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const priv = forge.pki.privateKeyFromPem(keyPem);
  const pub = forge.pki.setRsaPublicKey(priv.n, priv.e);
  return { pub, priv, keyPem };
}

const DAY = 86_400_000;

/** A self-signed CA certificate. */
export function makeCa(
  commonName = 'Test CA',
): CertPair & { cert: forge.pki.Certificate; priv: forge.pki.rsa.PrivateKey } {
  const k = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = k.pub;
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = new Date(Date.now() - DAY);
  cert.validity.notAfter = new Date(Date.now() + 365 * DAY);
  const attrs = [{ name: 'commonName', value: commonName }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(k.priv, forge.md.sha256.create());
  return { cert, priv: k.priv, certPem: forge.pki.certificateToPem(cert), keyPem: k.keyPem };
}

/** A server certificate signed by `ca` for the given names (default localhost and 127.0.0.1), valid in the given window. */
export function makeServerCert(
  ca: { cert: forge.pki.Certificate; priv: forge.pki.rsa.PrivateKey },
  validity: { notBefore?: Date; notAfter?: Date; dnsNames?: string[]; ips?: string[] } = {},
): CertPair {
  const dnsNames = validity.dnsNames ?? ['localhost'];
  const ips = validity.ips ?? ['127.0.0.1'];
  const k = rsaKeys();
  const cert = forge.pki.createCertificate();
  cert.publicKey = k.pub;
  cert.serialNumber = '02' + randomBytes(8).toString('hex');
  cert.validity.notBefore = validity.notBefore ?? new Date(Date.now() - DAY);
  cert.validity.notAfter = validity.notAfter ?? new Date(Date.now() + 30 * DAY);
  cert.setSubject([{ name: 'commonName', value: dnsNames[0] ?? ips[0] ?? 'host' }]);
  cert.setIssuer(ca.cert.subject.attributes);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: [
        ...dnsNames.map((value) => ({ type: 2, value })),
        ...ips.map((ip) => ({ type: 7, ip })),
      ],
    },
  ]);
  cert.sign(ca.priv, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: k.keyPem };
}

/** A running test server. */
export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** An HTTPS server on 127.0.0.1:0 with the given handler. */
export async function startHttpsServer(
  pair: CertPair,
  handler: RequestListener,
): Promise<TestServer> {
  const server = https.createServer({ cert: pair.certPem, key: pair.keyPem }, handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** FAULT: a server that accepts TCP (and TLS when given a cert) and then never answers. */
export async function startHangingServer(pair?: CertPair): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
  };
  const server = pair
    ? tls.createServer({ cert: pair.certPem, key: pair.keyPem }, track)
    : net.createServer(track);
  if (pair) server.on('connection', track);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function closedPortUrl(): Promise<string> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return `https://127.0.0.1:${port}`;
}

/** A running HTTP CONNECT proxy that records the tunnels asked of it. */
export interface TestProxy extends TestServer {
  /** `host:port` of every CONNECT, with the Proxy-Authorization it carried. */
  connects: { target: string; auth?: string }[];
}

/** An HTTP CONNECT proxy on 127.0.0.1:0; with `credentials` ("user:pass") it answers 407 without them. */
export async function startConnectProxy(credentials?: string): Promise<TestProxy> {
  const connects: TestProxy['connects'] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket) => {
    sockets.add(client);
    client.on('error', () => undefined);
    const auth = req.headers['proxy-authorization'];
    connects.push({ target: req.url ?? '', ...(auth ? { auth } : {}) });
    if (credentials && auth !== `Basic ${Buffer.from(credentials).toString('base64')}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
