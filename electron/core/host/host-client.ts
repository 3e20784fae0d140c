import type https from 'node:https';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type * as z from 'zod';
import { CcmsError } from '../../../shared/errors.js';
import { parseOrThrow } from '../../../shared/parse.js';
import {
  HostCalls,
  fillPath,
  type HostCallArgs,
  type HostCallName,
  type HostCallQuery,
  type HostCallReply,
  type HostCallSpec,
} from '../../../shared/host-calls.js';
import { API_PREFIX, type DmsCreateRequest, type OtpChannel } from '../../../shared/protocol.js';
import { holdLiveSecrets, isSecretKey } from '../logging/redact.js';
import { hostError } from './host-error.js';
import type { ProxyAuth } from '../network/proxy-auth-broker.js';
import { proxyAuthErrorIn } from '../network/proxy-auth-round.js';
import { isConnectionFailure, mapNetworkError } from './network-errors.js';
import { createTlsAgent } from './tls-agent.js';

/** Where the log lines of the host client go (structurally a subset of the core's Logger). */
export interface HostLog {
  debug(msg: string, data?: unknown): void;
  warn(msg: string, data?: unknown): void;
}

/** How the host client reaches one host. */
export interface HostClientOptions {
  /** The host's base URL, e.g. `https://ccms.example.com` (the `/api/v1` prefix is added). */
  baseUrl: string;
  /** Extra CA certificates (PEM) trusted on top of the system roots. */
  extraCaPems?: string[];
  /** TCP + TLS setup limit (Node transport only), default 10 s. */
  connectTimeoutMs?: number;
  /** Limit for a whole request including the reply, default 30 s. */
  totalTimeoutMs?: number;
  /** GET retries on connection errors and 503; default 2 retries, 300 ms doubling backoff. */
  retry?: { retries: number; baseDelayMs: number };
  /** An explicit proxy from policy (Node transport; with `fetch`, Chromium's proxy settings apply). */
  proxy?: string;
  /**
   * Answers a proxy's 407 (Node transport: the policy proxy's CONNECT; Electron: the fetch given
   * has it built in). While it waits for the user, the total timeout does not run out.
   */
  proxyAuth?: ProxyAuth;
  /** A fetch implementation (Electron's `net.fetch`); without it, Node's https is used. */
  fetch?: typeof fetch;
  /** Names the client in the host's logs, e.g. `CCMS-Terminal/1.2.0 (electron; win32)`. */
  userAgent?: string;
  /** Waits between retries; injectable so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  log?: HostLog;
}

interface Request<S extends z.ZodType> {
  method: HostCallSpec['method'];
  path: string;
  body?: unknown;
  query?: Record<string, string>;
  token?: string;
  /** Schema of a successful reply; `null` for 204 No Content. */
  reply: S | null;
}

/** One method per host call of shared/host-calls.ts: adding a call there asks for its method here. */
export type HostApi = { [K in HostCallName]: (...args: never[]) => Promise<HostCallReply<K>> };

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/** The secret values a request carries: its session token, and body fields named as secrets. */
function secretsOf(req: { token?: string; body?: unknown }): string[] {
  const out = req.token ? [req.token] : [];
  if (!req.body || typeof req.body !== 'object') return out;
  for (const [k, v] of Object.entries(req.body))
    if (typeof v === 'string' && (k === 'code' || isSecretKey(k))) out.push(v);
  return out;
}

/** The CCMS host API (docs/protocol.md), one method per endpoint. Tokens are passed per call, never kept. */
export class HostClient implements HostApi {
  private readonly http: AxiosInstance;
  private readonly opts: Required<Pick<HostClientOptions, 'totalTimeoutMs' | 'retry'>> &
    HostClientOptions;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly agent: https.Agent | undefined;
  private offsetMs = 0;

  constructor(options: HostClientOptions) {
    const url = new URL(options.baseUrl);
    if (url.protocol !== 'https:') {
      throw new CcmsError('CONFIG_INVALID', `The host URL ${options.baseUrl} must use https.`, {
        field: 'baseUrl',
      });
    }
    this.opts = { totalTimeoutMs: 30_000, retry: { retries: 2, baseDelayMs: 300 }, ...options };
    this.sleep = options.sleep ?? realSleep;
    this.agent = options.fetch
      ? undefined
      : createTlsAgent({
          extraCaPems: options.extraCaPems ?? [],
          connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
          ...(options.proxy !== undefined && { proxy: options.proxy }),
          ...(options.proxyAuth && { proxyAuth: options.proxyAuth }),
        });
    const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}${API_PREFIX}`;
    this.http = axios.create({
      baseURL: base,
      // Errors are ours to map; redirects are never followed (a redirect could leak the token).
      validateStatus: () => true,
      maxRedirects: 0,
      maxContentLength: 5_000_000,
      // axios' own proxy support does not tunnel HTTPS properly; the agent does (policy proxy).
      proxy: false,
      headers: { Accept: 'application/json', 'User-Agent': options.userAgent ?? 'CCMS-Terminal' },
      ...(options.fetch
        ? {
            adapter: 'fetch' as const,
            env: { fetch: options.fetch },
            fetchOptions: { redirect: 'manual' as const },
          }
        : { adapter: 'http' as const, httpsAgent: this.agent }),
    });
  }

  /** The host's origin, for messages and diagnostics. */
  get origin(): string {
    return new URL(this.opts.baseUrl).origin;
  }

  /** Closes idle keep-alive connections (Node transport). */
  close(): void {
    this.agent?.destroy();
  }

  /** Host clock minus local clock in ms, from the last reply's `Date` header (1 s precision). */
  serverOffsetMs(): number {
    return this.offsetMs;
  }

  health() {
    return this.#call('health');
  }
  login(userId: string, password: string) {
    return this.#call('login', { userId, password });
  }
  submitOtp(challengeId: string, code: string) {
    return this.#call('submitOtp', { challengeId, code });
  }
  resendOtp(challengeId: string) {
    return this.#call('resendOtp', { challengeId });
  }
  initPassword(initToken: string, newPassword: string) {
    return this.#call('initPassword', { initToken, newPassword });
  }
  initChannel(initToken: string, channel: OtpChannel) {
    return this.#call('initChannel', { initToken, channel });
  }
  initConfirm(initToken: string, code: string) {
    return this.#call('initConfirm', { initToken, code });
  }
  getSession(token: string) {
    return this.#call('getSession', undefined, { token });
  }
  reauth(token: string, code: string) {
    return this.#call('reauth', { code }, { token });
  }
  logout(token: string) {
    return this.#call('logout', undefined, { token });
  }
  terminalSummary(token: string) {
    return this.#call('terminalSummary', undefined, { token });
  }
  dmsUsers(token: string) {
    return this.#call('dmsUsers', undefined, { token });
  }
  dmsListRequests(token: string, status?: HostCallQuery<'dmsListRequests'>['status']) {
    return this.#call('dmsListRequests', undefined, {
      token,
      ...(status !== undefined && { query: { status } }),
    });
  }
  dmsCreateRequest(token: string, body: DmsCreateRequest) {
    return this.#call('dmsCreateRequest', body, { token });
  }
  dmsApprovalCode(token: string, id: string) {
    return this.#call('dmsApprovalCode', undefined, { token, params: { id } });
  }
  dmsApprove(token: string, id: string, code: string) {
    return this.#call('dmsApprove', { code }, { token, params: { id } });
  }
  dmsReject(token: string, id: string, reason: string) {
    return this.#call('dmsReject', { reason }, { token, params: { id } });
  }
  dmsAudit(token: string, query: HostCallQuery<'dmsAudit'> = {}) {
    return this.#call('dmsAudit', undefined, { token, query });
  }

  /** Sends the call `name` of shared/host-calls.ts and validates its reply with the call's schema. */
  #call<K extends HostCallName>(name: K, ...args: HostCallArgs<K>): Promise<HostCallReply<K>> {
    const spec: HostCallSpec = HostCalls[name];
    const [body, options] = args as [
      unknown,
      { token?: string; params?: Record<string, string>; query?: Record<string, string> }?,
    ];
    return this.#send({
      method: spec.method,
      path: fillPath(spec.path, options?.params ?? {}),
      reply: spec.reply,
      ...(body !== undefined && { body }),
      ...(options?.query !== undefined && { query: options.query }),
      ...(options?.token !== undefined && { token: options.token }),
    }) as Promise<HostCallReply<K>>;
  }

  /** Sends one call, retrying only idempotent GETs on connection failures and 503. */
  async #send<S extends z.ZodType>(req: Request<S>): Promise<z.infer<S>> {
    // While the request is in flight its password, code and tokens are scrubbed from every log
    // line by exact match, whatever shape an error might carry them in (logging/redact.ts).
    const release = holdLiveSecrets(secretsOf(req));
    try {
      return await this.#sendHeld(req);
    } finally {
      release();
    }
  }

  async #sendHeld<S extends z.ZodType>(req: Request<S>): Promise<z.infer<S>> {
    const what = `${req.method} ${req.path}`;
    const retries = req.method === 'GET' ? this.opts.retry.retries : 0;
    for (let attempt = 0; ; attempt++) {
      let res: AxiosResponse;
      try {
        res = await this.#once(req);
      } catch (err) {
        const mapped = err as CcmsError;
        if (attempt < retries && isConnectionFailure(mapped)) {
          await this.#backoff(attempt, what, mapped.code);
          continue;
        }
        throw mapped;
      }
      if (res.status === 503 && attempt < retries) {
        await this.#backoff(attempt, what, '503');
        continue;
      }
      return this.#interpret(req, res, what);
    }
  }

  async #backoff(attempt: number, what: string, why: string): Promise<void> {
    const ms = this.opts.retry.baseDelayMs * 2 ** attempt;
    this.opts.log?.debug('host call retried', {
      call: what,
      why,
      attempt: attempt + 1,
      delayMs: ms,
    });
    await this.sleep(ms);
  }

  async #once(req: Request<z.ZodType>): Promise<AxiosResponse> {
    const controller = new AbortController();
    let timedOut = false;
    const arm = (): NodeJS.Timeout => {
      const t = setTimeout(() => {
        // The user is typing the proxy's password: that time is theirs, not the host's.
        if (this.opts.proxyAuth?.waiting()) {
          timer = arm();
          return;
        }
        timedOut = true;
        controller.abort();
      }, this.opts.totalTimeoutMs);
      t.unref();
      return t;
    };
    let timer = arm();
    const started = Date.now();
    try {
      const res = await this.http.request({
        method: req.method,
        url: req.path,
        data: req.body,
        params: req.query,
        signal: controller.signal,
        headers: {
          // No body, no content type: axios would otherwise claim a form body for an empty POST.
          ...(req.body === undefined && { 'Content-Type': false }),
          ...(req.token !== undefined && { Authorization: `Bearer ${req.token}` }),
        },
      });
      this.#noteServerTime(res, started);
      this.opts.log?.debug('host call', {
        call: `${req.method} ${req.path}`,
        status: res.status,
        ms: Date.now() - started,
      });
      return res;
    } catch (err) {
      const mapped = proxyAuthErrorIn(err) ?? mapNetworkError(err, this.origin, timedOut);
      this.opts.log?.warn('host call failed', {
        call: `${req.method} ${req.path}`,
        code: mapped.code,
        message: mapped.message,
      });
      throw mapped;
    } finally {
      clearTimeout(timer);
    }
  }

  #noteServerTime(res: AxiosResponse, started: number): void {
    const date = res.headers['date'];
    if (typeof date !== 'string') return;
    const host = Date.parse(date);
    if (Number.isNaN(host)) return;
    // The header has 1 s precision and was stamped somewhere inside the round trip: take the middle.
    this.offsetMs = host + 500 - (started + Date.now()) / 2;
  }

  #interpret<S extends z.ZodType>(req: Request<S>, res: AxiosResponse, what: string): z.infer<S> {
    if (res.status >= 400) throw hostError(res, `The host refused ${what}`);
    if (req.reply === null) return undefined as z.infer<S>;
    if (res.status < 200 || res.status >= 300) {
      throw new CcmsError(
        'BAD_HOST_REPLY',
        `The host answered ${what} with an unexpected status ${res.status}.`,
      );
    }
    return parseOrThrow(req.reply, res.data, 'BAD_HOST_REPLY', `The host's reply to ${what}`);
  }
}
