// Network primitives of the connectivity check, each bounded in time: DNS lookup, TCP connect
// (direct or through an HTTP proxy's CONNECT tunnel), TLS handshake inspected rather than trusted
// blindly, and one HTTP GET over that TLS socket.
import dns from 'node:dns/promises';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';

/** A probe failure: a Node error code (`ECONNREFUSED`, `ETIMEDOUT` …) and its message. */
export class ProbeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ProbeError';
    this.code = code;
  }
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/** Rejects with ETIMEDOUT after `ms` unless `work` settles first; `onTimeout` releases resources. */
export function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout?.();
      reject(new ProbeError('ETIMEDOUT', `${what} did not finish within ${ms} ms`));
    }, ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(
          e instanceof ProbeError
            ? e
            : new ProbeError(codeOf(e), e instanceof Error ? e.message : String(e)),
        );
      },
    );
  });
}

/** Resolves a host name to its addresses (an IP literal resolves to itself). */
export async function lookup(host: string, ms: number): Promise<string[]> {
  if (net.isIP(host)) return [host];
  const all = await withTimeout(dns.lookup(host, { all: true }), ms, `DNS lookup of ${host}`);
  return all.map((a) => a.address);
}

/** Opens a TCP connection to host:port. */
export function connectTcp(host: string, port: number, ms: number): Promise<net.Socket> {
  const socket = net.connect({ host, port });
  const opened = new Promise<net.Socket>((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
  return withTimeout(opened, ms, `TCP connection to ${host}:${port}`, () => socket.destroy());
}

/** A parsed HTTP proxy: where it is and the header that authenticates to it, if any. */
export interface ProxyTarget {
  host: string;
  port: number;
  authorization?: string;
}

/** Parses an `http://[user:pass@]host:port` proxy URL. */
export function parseProxy(url: string): ProxyTarget {
  const u = new URL(url);
  if (u.protocol !== 'http:')
    throw new ProbeError('EPROXYURL', `proxy URL must start with http:// (got ${u.protocol})`);
  const target: ProxyTarget = { host: u.hostname, port: Number(u.port || 80) };
  if (u.username) {
    const creds = `${decodeURIComponent(u.username)}:${decodeURIComponent(u.password)}`;
    target.authorization = `Basic ${Buffer.from(creds).toString('base64')}`;
  }
  return target;
}

/** Opens a tunnel to host:port through an HTTP proxy (`CONNECT`). */
export function connectViaProxy(
  proxy: ProxyTarget,
  host: string,
  port: number,
  ms: number,
): Promise<net.Socket> {
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  const req = http.request({
    host: proxy.host,
    port: proxy.port,
    method: 'CONNECT',
    path: authority,
    headers: {
      Host: authority,
      ...(proxy.authorization ? { 'Proxy-Authorization': proxy.authorization } : {}),
    },
  });
  const opened = new Promise<net.Socket>((resolve, reject) => {
    req.once('connect', (res, socket) => {
      if (res.statusCode === 200) return resolve(socket);
      socket.destroy();
      const code = res.statusCode === 407 ? 'EPROXYAUTH' : 'EPROXY';
      reject(new ProbeError(code, `the proxy answered CONNECT with HTTP ${res.statusCode ?? '?'}`));
    });
    req.once('error', reject);
  });
  req.end();
  return withTimeout(opened, ms, `proxy tunnel to ${authority}`, () => req.destroy());
}

/**
 * The roots the check trusts: Node's bundled roots plus, where the runtime can read it (Node 22.15+,
 * so in Electron 45), the operating system's store, as Chromium trusts it for the app's requests.
 */
export function trustedRoots(): string[] {
  const read = (tls as { getCACertificates?: (type: string) => string[] }).getCACertificates;
  if (typeof read !== 'function') return [...tls.rootCertificates];
  try {
    return [...tls.rootCertificates, ...read.call(tls, 'system')];
  } catch {
    return [...tls.rootCertificates];
  }
}

/** What the TLS handshake showed. */
export interface TlsFacts {
  socket: tls.TLSSocket;
  protocol: string;
  authorized: boolean;
  authorizationError?: string;
  /** Leaf first, then each issuer the server sent. */
  chain: tls.DetailedPeerCertificate[];
  hostnameError?: string;
}

/**
 * Completes a TLS handshake over `socket` without rejecting bad certificates, so that the check can
 * say what is wrong with them; trust is judged from `authorized` and the hostname check.
 */
export function handshake(
  socket: net.Socket,
  servername: string,
  ca: string[],
  ms: number,
): Promise<TlsFacts> {
  const sni = net.isIP(servername) ? undefined : servername;
  const secure = tls.connect({
    socket,
    ...(sni ? { servername: sni } : {}),
    ca: [...trustedRoots(), ...ca],
    rejectUnauthorized: false,
    // The identity is checked below and reported, not thrown.
    checkServerIdentity: () => undefined,
  });
  const done = new Promise<TlsFacts>((resolve, reject) => {
    secure.once('secureConnect', () => {
      const leaf = secure.getPeerCertificate(true);
      const chain: tls.DetailedPeerCertificate[] = [];
      for (
        let c: tls.DetailedPeerCertificate | undefined = leaf;
        c && c.raw;
        c = c.issuerCertificate
      ) {
        if (chain.includes(c)) break; // a self-signed root names itself as issuer
        chain.push(c);
      }
      const idError = chain[0]
        ? tls.checkServerIdentity(servername, chain[0])
        : new Error('no certificate');
      const facts: TlsFacts = {
        socket: secure,
        protocol: secure.getProtocol() ?? 'unknown',
        authorized: secure.authorized,
        chain,
      };
      if (secure.authorizationError) facts.authorizationError = String(secure.authorizationError);
      if (idError) facts.hostnameError = idError.message;
      resolve(facts);
    });
    secure.once('error', reject);
  });
  return withTimeout(done, ms, `TLS handshake with ${servername}`, () => secure.destroy());
}

/** One HTTP/1.1 GET over an established (TLS) socket; resolves with status and body text. */
export function getOver(
  socket: net.Socket,
  hostHeader: string,
  path: string,
  ms: number,
): Promise<{ status: number; body: string }> {
  const req = http.request({
    createConnection: () => socket,
    host: hostHeader,
    path,
    method: 'GET',
    headers: { Host: hostHeader, Accept: 'application/json', Connection: 'close' },
  });
  const done = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.once('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        // A health reply is tiny; anything huge is not our host.
        if (size > 256 * 1024) req.destroy(new ProbeError('ETOOBIG', 'the reply exceeded 256 KiB'));
        else chunks.push(c);
      });
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.once('error', reject);
    });
    req.once('error', reject);
  });
  req.end();
  return withTimeout(done, ms, `GET ${path}`, () => req.destroy());
}
