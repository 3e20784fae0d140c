// Network primitives of the connectivity check, each bounded in time: DNS lookup, TCP connect,
// and a TLS handshake inspected rather than trusted blindly (direct, or inside a proxy's CONNECT
// tunnel made by https-proxy-agent, see proxy-tunnel.ts). They explain a failure of the real path
// (the host client); they are not the path itself.
import dns from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';

/** A probe failure: a Node error code (`ECONNREFUSED`, `ETIMEDOUT` …) and its message. */
export class ProbeError extends Error {
  readonly code: string;
  /** Through a proxy: the HTTP status it answered CONNECT with, when it answered. */
  readonly proxyStatus: number | undefined;
  constructor(code: string, message: string, proxyStatus?: number) {
    super(message);
    this.name = 'ProbeError';
    this.code = code;
    this.proxyStatus = proxyStatus;
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
  const secure = tls.connect({ socket, ...inspectingTlsOptions(servername, ca) });
  const done = new Promise<TlsFacts>((resolve, reject) => {
    secure.once('secureConnect', () => resolve(tlsFacts(secure, servername)));
    secure.once('error', reject);
  });
  return withTimeout(done, ms, `TLS handshake with ${servername}`, () => secure.destroy());
}

/** The options a TLS connection to the host is opened with: inspect, never reject. */
export function inspectingTlsOptions(servername: string, ca: string[]): tls.ConnectionOptions {
  const sni = net.isIP(servername) ? undefined : servername;
  return {
    ...(sni ? { servername: sni } : {}),
    ca: [...trustedRoots(), ...ca],
    rejectUnauthorized: false,
    // The identity is checked by `tlsFacts` and reported, not thrown.
    checkServerIdentity: () => undefined,
  };
}

/** What a completed handshake showed: protocol, trust verdict, the chain and the name check. */
export function tlsFacts(secure: tls.TLSSocket, servername: string): TlsFacts {
  const leaf = secure.getPeerCertificate(true);
  const chain: tls.DetailedPeerCertificate[] = [];
  for (let c: tls.DetailedPeerCertificate | undefined = leaf; c && c.raw; c = c.issuerCertificate) {
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
  return facts;
}
