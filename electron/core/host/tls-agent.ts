import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import type { Duplex } from 'node:stream';
import type { ProxyAuth, ProxyCredentials } from '../network/proxy-auth-broker.js';
import { ProxyAuthRound, proxyAuthUnsupported } from '../network/proxy-auth-round.js';
import {
  basicAuthorization,
  parseChallenges,
  proxyAuthenticateValues,
} from '../network/proxy-challenge.js';
import { TLS_CIPHERS, TLS_MIN_VERSION } from '../../../shared/tls-profile.js';
import { CONNECT_TIMEOUT_CODE, PROXY_REFUSED_CODE } from './network-errors.js';

/** What the HTTPS agent trusts and how long it waits for a connection. */
export interface TlsAgentOptions {
  /** Extra CA certificates (PEM text) trusted on top of Node's system roots. */
  extraCaPems: string[];
  /** Milliseconds allowed for TCP connect plus TLS handshake (through the proxy, if any). */
  connectTimeoutMs: number;
  /** An explicit proxy from policy, `http://[user:pass@]host:port`: HTTPS goes through a CONNECT tunnel. */
  proxy?: string;
  /** Asks for and remembers the proxy's user name and password when it answers 407 (Basic). */
  proxyAuth?: ProxyAuth;
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
    private readonly proxyAuth: ProxyAuth | undefined,
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

  /**
   * HTTP CONNECT to the proxy, then TLS to the host inside the tunnel (the proxy sees only
   * ciphertext). A 407 with a Basic challenge is answered (policy URL credentials, then what the
   * broker remembers or asks the user) and the CONNECT sent again on a new connection.
   *
   * Not https-proxy-agent: its CONNECT has no time limit and its socket is out of reach to
   * destroy, it retries a 407 once only, it drops this agent's CA and TLS options for the host leg,
   * and it replays a refusal into the HTTP parser as if the host had answered. Node's own
   * http client reads the CONNECT reply here, so no HTTP is parsed by hand.
   */
  private tunnel(proxy: URL, options: https.RequestOptions, callback: Callback): void {
    const target = `${options.host ?? options.hostname ?? 'localhost'}:${options.port ?? 443}`;
    const round = new ProxyAuthRound(this.proxyAuth, proxyName(proxy), inlineCredentials(proxy));
    this.throughProxy(proxy, target, round).then(
      (socket) => {
        const secure = tls.connect({ ...(options as tls.ConnectionOptions), socket });
        this.guard(secure);
        callback(null, secure);
      },
      (err: Error) => callback(err, undefined as unknown as Duplex),
    );
  }

  /** CONNECTs until the proxy opens the tunnel, answering its 407s; the user's time is not timed. */
  private async throughProxy(proxy: URL, target: string, round: ProxyAuthRound): Promise<Duplex> {
    let credentials = round.first();
    for (;;) {
      const reply = await this.connectOnce(proxy, target, credentials);
      if (reply.status === 200) return reply.socket;
      reply.socket.destroy();
      if (reply.status !== 407 || (!this.proxyAuth && !credentials)) {
        throw coded(
          `the proxy ${proxy.host} answered ${reply.status} to CONNECT ${target}`,
          PROXY_REFUSED_CODE,
        );
      }
      const challenges = parseChallenges(proxyAuthenticateValues(reply.rawHeaders));
      const basic = challenges.find((c) => c.scheme.toLowerCase() === 'basic');
      if (!basic)
        throw proxyAuthUnsupported(
          round.proxy,
          challenges.map((c) => c.scheme),
        );
      credentials = await round.next(basic);
    }
  }

  /** One CONNECT, bounded by the connect timeout: the proxy's status, headers and socket. */
  private connectOnce(
    proxy: URL,
    target: string,
    credentials: ProxyCredentials | undefined,
  ): Promise<{ status: number; rawHeaders: string[]; socket: Duplex }> {
    return new Promise((resolve, reject) => {
      const auth = credentials
        ? { 'Proxy-Authorization': basicAuthorization(credentials.username, credentials.password) }
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
        reject(
          coded(
            `connect timeout after ${this.connectTimeoutMs} ms (through the proxy)`,
            CONNECT_TIMEOUT_CODE,
          ),
        );
      }, this.connectTimeoutMs);
      timer.unref();
      request.once('error', (err) => {
        clearTimeout(timer);
        reject(err);
      });
      request.once('connect', (res, socket) => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, socket });
      });
      request.end();
    });
  }
}

/** `host:port` of the proxy, as prompts and messages name it (never with credentials). */
function proxyName(proxy: URL): string {
  return `${proxy.hostname}:${proxy.port || (proxy.protocol === 'https:' ? '443' : '80')}`;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A stray `%` in the policy: the text as written is the best guess.
    return text;
  }
}

/** Credentials written in the policy's proxy URL (`http://user:pass@host:port`), if any. */
function inlineCredentials(proxy: URL): ProxyCredentials | undefined {
  if (!proxy.username && !proxy.password) return undefined;
  return { username: decode(proxy.username), password: decode(proxy.password) };
}

/** Builds the agent the Node transport uses. */
export function createTlsAgent(opts: TlsAgentOptions): https.Agent {
  // One secure context for the agent's life: given as `ca`, the ~150 roots would be joined into
  // the agent's connection-pool key on every request (BENCHMARKS.md, client overhead).
  const secureContext = tls.createSecureContext({
    ca: [...tls.rootCertificates, ...opts.extraCaPems],
    // shared/tls-profile.ts: a host offering no ECDHE + AEAD suite is refused (TLS_ERROR).
    minVersion: TLS_MIN_VERSION,
    ciphers: TLS_CIPHERS,
  });
  return new HostAgent(
    { secureContext, rejectUnauthorized: true, keepAlive: true },
    opts.connectTimeoutMs,
    opts.proxy ? new URL(opts.proxy) : undefined,
    opts.proxyAuth,
  );
}
