// The TLS probe through a proxy: https-proxy-agent opens the CONNECT tunnel (and sends the
// policy's Basic sign-in, if the proxy URL has one), then the handshake inside it is inspected as
// net-probes.ts does for a direct connection. The proxy's answer to CONNECT is what the check
// reports: 407 (sign-in refused), 403, 5xx, or 200 and the host's certificate.
import https from 'node:https';
import type tls from 'node:tls';
import {
  inspectingTlsOptions,
  ProbeError,
  tlsFacts,
  withTimeout,
  type TlsFacts,
} from './net-probes.js';

/** A tunnel that opened and the handshake inside it. */
export interface TunnelOutcome {
  /** Milliseconds until the proxy answered CONNECT with 200. */
  tunnelMs: number;
  facts: TlsFacts;
}

/** `host:port` of a proxy URL, never its user name or password. */
export function proxyAddress(proxy: URL): string {
  return proxy.host || `${proxy.hostname}:${proxy.protocol === 'https:' ? 443 : 80}`;
}

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'UNKNOWN';
}

/**
 * Opens a CONNECT tunnel to host:port through `proxy` and completes a TLS handshake inside it.
 * Rejects with EPROXYAUTH (407), EPROXY (any other refusal; `proxyStatus` set) or, when the proxy
 * itself could not be reached, EPROXYCONNECT.
 */
export async function handshakeViaProxy(
  proxy: URL,
  target: { host: string; port: number },
  ca: string[],
  ms: number,
): Promise<TunnelOutcome> {
  const where = proxyAddress(proxy);
  // Loaded on the first check through a proxy, not at every start-up (BENCHMARKS.md).
  const { HttpsProxyAgent } = await import('https-proxy-agent');
  const agent = new HttpsProxyAgent(proxy, { keepAlive: false });
  const started = Date.now();
  let tunnelMs: number | undefined;
  const req = https.request({
    host: target.host,
    port: target.port,
    method: 'HEAD',
    path: '/',
    agent,
    ...inspectingTlsOptions(target.host, ca),
  });
  const done = new Promise<TunnelOutcome>((resolve, reject) => {
    req.once('proxyConnect', (res: { statusCode?: number }) => {
      const status = res.statusCode ?? 0;
      if (status === 200) {
        tunnelMs = Date.now() - started;
        return;
      }
      const code = status === 407 ? 'EPROXYAUTH' : 'EPROXY';
      reject(
        new ProbeError(code, `the proxy ${where} answered CONNECT with HTTP ${status}`, status),
      );
    });
    req.once('socket', (socket) => {
      // A refused tunnel hands back a plain socket that only replays the refusal.
      if (!('encrypted' in socket)) return;
      const secure = socket as tls.TLSSocket;
      secure.once('secureConnect', () =>
        resolve({
          tunnelMs: tunnelMs ?? Date.now() - started,
          facts: tlsFacts(secure, target.host),
        }),
      );
    });
    req.once('response', (res) => res.resume());
    // `on`, not `once`: destroying the request after the handshake may emit a second error.
    req.on('error', (err) => {
      const message = err instanceof Error ? err.message : String(err);
      // Inside an open tunnel the fault is the host's (status 200 says the proxy let us through).
      if (tunnelMs !== undefined) return reject(new ProbeError(codeOf(err), message, 200));
      reject(
        new ProbeError(
          'EPROXYCONNECT',
          `the proxy ${where} could not be reached (${codeOf(err)}: ${message})`,
        ),
      );
    });
  });
  req.end();
  const release = () => {
    req.destroy();
    agent.destroy();
  };
  // The facts are read; the request itself is not needed (the real path asks the host).
  return withTimeout(done, ms, `the tunnel through the proxy ${where}`, release)
    .catch((err: ProbeError) => {
      if (err.proxyStatus !== undefined || tunnelMs === undefined) throw err;
      throw new ProbeError(err.code, err.message, 200);
    })
    .finally(release);
}
