// Test support only: certificates and servers for host-client tests. Never imported by the app.
import https from 'node:https';
import http, { type RequestListener } from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { issue, type Issued } from './chain-fixtures.js';

/** A certificate and its key, PEM. */
export interface CertPair {
  certPem: string;
  keyPem: string;
}

/** A self-signed CA certificate. */
export function makeCa(commonName = 'Test CA'): Issued {
  return issue({ commonName, ca: true, notAfter: new Date(Date.now() + 365 * 86_400_000) });
}

/** A server certificate signed by `ca` for the given names (default localhost and 127.0.0.1), valid in the given window. */
export function makeServerCert(
  ca: Issued,
  validity: { notBefore?: Date; notAfter?: Date; dnsNames?: string[]; ips?: string[] } = {},
): CertPair {
  const dnsNames = validity.dnsNames ?? ['localhost'];
  const ips = validity.ips ?? ['127.0.0.1'];
  const { certPem, keyPem } = issue({
    commonName: dnsNames[0] ?? ips[0] ?? 'host',
    issuer: ca,
    dnsNames,
    ips,
    eku: ['serverAuth'],
    keyUsage: ['digitalSignature', 'keyEncipherment'],
    ...(validity.notBefore && { notBefore: validity.notBefore }),
    ...(validity.notAfter && { notAfter: validity.notAfter }),
  });
  return { certPem, keyPem };
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
