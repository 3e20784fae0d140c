import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { CONNECT_TIMEOUT_CODE, PROXY_REFUSED_CODE } from './network-errors.js';

/** What the HTTPS agent trusts and how long it waits for a connection. */
export interface TlsAgentOptions {
  /** Extra CA certificates (PEM text) trusted on top of Node's system roots. */
  extraCaPems: string[];
  /** Milliseconds allowed for TCP connect plus TLS handshake (through the proxy, if any). */
  connectTimeoutMs: number;
  /** An explicit proxy from policy, `http://[user:pass@]host:port`: HTTPS goes through a CONNECT tunnel. */
  proxy?: string;
}

type Callback = (err: Error | null, stream: Duplex) => void;

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

/**
 * An https.Agent that verifies against the system roots plus the configured CAs (never disables
 * verification), tunnels through the policy's proxy when there is one, and fails a connection
 * whose TCP + TLS setup takes longer than the connect timeout: Node has no connect timeout of its
 * own, and axios' `timeout` only measures socket inactivity.
 */
class HostAgent extends https.Agent {
  constructor(
    options: https.AgentOptions,
    private readonly connectTimeoutMs: number,
    private readonly proxy: URL | undefined,
  ) {
    super(options);
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: Callback,
  ): Duplex | null | undefined {
    if (this.proxy && callback) {
      this.tunnel(this.proxy, options, callback);
      return undefined;
    }
    const socket = super.createConnection(options, callback);
    if (socket instanceof tls.TLSSocket) this.guard(socket);
    return socket;
  }

  /** Destroys `socket` with a connect-timeout error unless its TLS handshake completes in time. */
  private guard(socket: tls.TLSSocket, onTimeout?: () => void): void {
    const timer = setTimeout(() => {
      socket.destroy(
        coded(`connect timeout after ${this.connectTimeoutMs} ms`, CONNECT_TIMEOUT_CODE),
      );
      onTimeout?.();
    }, this.connectTimeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    socket.once('secureConnect', clear);
    socket.once('close', clear);
  }

  /** HTTP CONNECT to the proxy, then TLS to the host inside the tunnel (the proxy sees only ciphertext). */
  private tunnel(proxy: URL, options: https.RequestOptions, callback: Callback): void {
    let done = false;
    const finish = (err: Error | null, stream?: Duplex) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      callback(err, stream as Duplex);
    };
    const target = `${options.host ?? options.hostname ?? 'localhost'}:${options.port ?? 443}`;
    const auth = proxy.username
      ? {
          'Proxy-Authorization': `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`,
        }
      : {};
    const request = (proxy.protocol === 'https:' ? https : http).request({
      host: proxy.hostname,
      port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers: { Host: target, ...auth },
      agent: false,
    });
    const timer = setTimeout(() => {
      request.destroy();
      finish(
        coded(
          `connect timeout after ${this.connectTimeoutMs} ms (through the proxy)`,
          CONNECT_TIMEOUT_CODE,
        ),
      );
    }, this.connectTimeoutMs);
    timer.unref();
    request.once('error', (err) => finish(err));
    request.once('connect', (res, socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        finish(
          coded(
            `the proxy ${proxy.host} answered ${res.statusCode ?? '?'} to CONNECT ${target}`,
            PROXY_REFUSED_CODE,
          ),
        );
        return;
      }
      clearTimeout(timer);
      const secure = tls.connect({ ...(options as tls.ConnectionOptions), socket });
      this.guard(secure);
      finish(null, secure);
    });
    request.end();
  }
}

/** Builds the agent the Node transport uses. */
export function createTlsAgent(opts: TlsAgentOptions): https.Agent {
  return new HostAgent(
    {
      ca: [...tls.rootCertificates, ...opts.extraCaPems],
      rejectUnauthorized: true,
      keepAlive: true,
      minVersion: 'TLSv1.2',
    },
    opts.connectTimeoutMs,
    opts.proxy ? new URL(opts.proxy) : undefined,
  );
}
