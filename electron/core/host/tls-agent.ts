import https from 'node:https';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import { CONNECT_TIMEOUT_CODE } from './network-errors.js';

/** What the HTTPS agent trusts and how long it waits for a connection. */
export interface TlsAgentOptions {
  /** Extra CA certificates (PEM text) trusted on top of Node's system roots. */
  extraCaPems: string[];
  /** Milliseconds allowed for TCP connect plus TLS handshake. */
  connectTimeoutMs: number;
}

/**
 * An https.Agent that verifies against the system roots plus the configured CAs (never disables
 * verification) and destroys a socket whose TCP + TLS setup takes longer than the connect timeout:
 * Node has no connect timeout of its own, and axios' `timeout` only measures socket inactivity.
 */
class ConnectTimeoutAgent extends https.Agent {
  constructor(
    options: https.AgentOptions,
    private readonly connectTimeoutMs: number,
  ) {
    super(options);
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: (err: Error | null, stream: Duplex) => void,
  ): Duplex | null | undefined {
    const socket = super.createConnection(options, callback);
    if (!(socket instanceof tls.TLSSocket)) return socket;
    const timer = setTimeout(() => {
      const err = Object.assign(new Error(`connect timeout after ${this.connectTimeoutMs} ms`), {
        code: CONNECT_TIMEOUT_CODE,
      });
      socket.destroy(err);
    }, this.connectTimeoutMs);
    timer.unref();
    const clear = () => clearTimeout(timer);
    socket.once('secureConnect', clear);
    socket.once('close', clear);
    return socket;
  }
}

/** Builds the agent the Node transport uses. */
export function createTlsAgent(opts: TlsAgentOptions): https.Agent {
  return new ConnectTimeoutAgent(
    {
      ca: [...tls.rootCertificates, ...opts.extraCaPems],
      rejectUnauthorized: true,
      keepAlive: true,
      minVersion: 'TLSv1.2',
    },
    opts.connectTimeoutMs,
  );
}
