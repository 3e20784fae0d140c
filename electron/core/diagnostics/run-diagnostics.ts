// The connectivity check ("the seed's connectivity test, on demand"): each link between this
// workstation and the host, measured one after another over ONE connection (TCP, then TLS on it,
// then /health on that), each step bounded in time, each with plain advice the renderer translates
// (`diagnostics.advice.<adviceKey>`).
import { CcmsError } from '../../../shared/errors.js';
import { parse } from '../../../shared/parse.js';
import { API_PREFIX, HealthReply } from '../../../shared/protocol.js';
import type { DiagnosticReport, DiagnosticStep, EnvironmentId } from '../../../shared/bridge.js';
import type { Vault } from '../vault/vault.js';
import {
  connectTcp,
  connectViaProxy,
  getOver,
  handshake,
  lookup,
  withTimeout,
  type TlsFacts,
} from './net-probes.js';
import { checkProxy, type ResolveProxy } from './proxy-step.js';
import { ADVICE, STEP_ORDER, formatReport, stepFail, type StepId } from './report.js';
import type net from 'node:net';

export { saveReport, ADVICE, type AdviceKey } from './report.js';
export type { ResolveProxy } from './proxy-step.js';

/** What to check: the environment's host, the extra CAs it is trusted with, the proxy if any. */
export interface DiagnosticsTarget {
  environment: EnvironmentId;
  url: string;
  caPems: string[];
  /** An explicit HTTP proxy (`http://[user:pass@]host:port`) from policy. */
  proxy?: string;
}

/** What the check uses: the vault (keychain step), a clock, and a progress listener. */
export interface DiagnosticsDeps {
  vault: Vault;
  clock?: { now(): number };
  onProgress(step: DiagnosticStep): void;
  /**
   * The system's proxy for a URL (Electron: `session.resolveProxy`), used when policy sets none,
   * so the check goes the way the app's own requests go.
   */
  resolveProxy?: ResolveProxy;
  /** Facts printed at the top of the text report (app version, OS …) for the hotline. */
  about?: Record<string, string>;
  /** Time allowed per step, ms (default 8000). */
  stepTimeoutMs?: number;
}

/** TOTP accepts one 30-second step either side; beyond that the clocks disagree too much. */
export const CLOCK_SKEW_WARN_SEC = 30;
/** A certificate expiring sooner than this earns a warning. */
export const CERT_EXPIRY_WARN_DAYS = 14;

const DAY_MS = 86_400_000;

function parseHostUrl(url: string): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new CcmsError('CONFIG_INVALID', `host URL is invalid: ${JSON.stringify(url)}`, {
      field: 'url',
    });
  }
  if (u.protocol !== 'https:') {
    throw new CcmsError('CONFIG_INVALID', `host URL must use https:// (got ${u.protocol})`, {
      field: 'url',
    });
  }
  return u;
}

/** Runs every step and returns the report; never rejects for a network fault (that is a `fail` step). */
export async function runDiagnostics(
  target: DiagnosticsTarget,
  deps: DiagnosticsDeps,
): Promise<DiagnosticReport> {
  const url = parseHostUrl(target.url);
  const clock = deps.clock ?? { now: () => Date.now() };
  const ms = deps.stepTimeoutMs ?? 8_000;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const hostHeader = url.host;
  const steps = new Map<StepId, DiagnosticStep>();
  const startedAt = new Date(clock.now()).toISOString();
  const report = (step: DiagnosticStep): void => {
    steps.set(step.id, step);
    try {
      deps.onProgress(step);
    } catch {
      /* a listener's fault must not stop the check */
    }
  };
  const running = (id: StepId) => report({ id, status: 'running', details: {} });
  const skip = (id: StepId) =>
    report({ id, status: 'skipped', details: {}, adviceKey: ADVICE.skipped });

  // proxy: what the connection goes through.
  running('proxy');
  const outcome = await checkProxy(target.proxy, url.href, deps.resolveProxy, ms, () =>
    clock.now(),
  );
  report(outcome.step);
  const proxy = outcome.proxy;
  const proxyFailed = steps.get('proxy')?.status === 'fail';

  // dns
  running('dns');
  let address = host;
  try {
    const started = clock.now();
    const addresses = await lookup(host, ms);
    address = addresses[0] ?? host;
    report({
      id: 'dns',
      status: 'pass',
      details: { host, addresses: addresses.join(', '), ms: String(clock.now() - started) },
    });
  } catch (err) {
    // Behind a proxy the workstation may not resolve outside names at all; the proxy does.
    const step = stepFail('dns', ADVICE.dnsFailed, err, { host });
    report(proxy ? { ...step, status: 'warn' } : step);
  }
  const dnsFailed = steps.get('dns')?.status === 'fail';

  // tcp
  let socket: net.Socket | undefined;
  if (dnsFailed || proxyFailed) skip('tcp');
  else {
    running('tcp');
    try {
      const started = clock.now();
      socket = proxy
        ? await connectViaProxy(proxy, host, port, ms)
        : await connectTcp(address, port, ms);
      report({
        id: 'tcp',
        status: 'pass',
        details: {
          address: proxy ? `${host} (through the proxy)` : address,
          port: String(port),
          ms: String(clock.now() - started),
        },
      });
    } catch (err) {
      const code = (err as { code?: string }).code;
      const advice =
        code === 'EPROXY'
          ? ADVICE.proxyFailed
          : code === 'ETIMEDOUT'
            ? ADVICE.tcpTimeout
            : ADVICE.tcpFailed;
      const step = stepFail('tcp', code === 'EPROXYAUTH' ? ADVICE.proxyAuthRequired : advice, err, {
        address,
        port: String(port),
      });
      // A proxy asking for Windows sign-in is normal: the app's requests answer it, this check cannot.
      report(code === 'EPROXYAUTH' ? { ...step, status: 'warn' } : step);
    }
  }

  // tls
  let secure: TlsFacts | undefined;
  if (!socket) skip('tls');
  else {
    running('tls');
    try {
      secure = await handshake(socket, host, target.caPems, ms);
      const step = judgeTls(secure, clock.now());
      report(step);
      if (step.status === 'fail') {
        secure.socket.destroy();
        secure = undefined;
      }
    } catch (err) {
      socket.destroy();
      report(stepFail('tls', ADVICE.tlsFailed, err, {}));
    }
  }

  // health and clock
  let serverOffsetMs: number | undefined;
  if (!secure) {
    skip('health');
    skip('clock');
  } else {
    running('health');
    const t0 = clock.now();
    try {
      const reply = await getOver(
        secure.socket,
        hostHeader,
        `${url.pathname.replace(/\/+$/, '')}${API_PREFIX}/health`,
        ms,
      );
      const t1 = clock.now();
      const health = reply.status === 200 ? parse(HealthReply, safeJson(reply.body)) : undefined;
      if (reply.status !== 200) {
        report({
          id: 'health',
          status: 'fail',
          details: { httpStatus: String(reply.status), ms: String(t1 - t0) },
          adviceKey: ADVICE.hostDown,
        });
      } else if (!health?.ok) {
        report({
          id: 'health',
          status: 'fail',
          details: { httpStatus: '200', problem: health?.issues.join('; ') ?? 'not JSON' },
          adviceKey: ADVICE.badReply,
        });
      } else {
        const h = health.value;
        report({
          id: 'health',
          status: 'pass',
          details: {
            status: h.status,
            version: h.version,
            environment: h.environment,
            ms: String(t1 - t0),
          },
        });
        serverOffsetMs = Date.parse(h.serverTime) - (t0 + t1) / 2;
      }
    } catch (err) {
      report(stepFail('health', ADVICE.hostDown, err, {}));
    } finally {
      secure.socket.destroy();
    }
    running('clock');
    if (serverOffsetMs === undefined)
      report({ id: 'clock', status: 'skipped', details: {}, adviceKey: ADVICE.clockFailed });
    else report(judgeClock(serverOffsetMs));
  }

  // keychain
  running('keychain');
  const available = await withTimeout(deps.vault.isAvailable(), ms, 'keychain check').catch(
    () => false,
  );
  report(
    available
      ? { id: 'keychain', status: 'pass', details: { available: 'yes' } }
      : {
          id: 'keychain',
          status: 'warn',
          details: { available: 'no' },
          adviceKey: ADVICE.keychainUnavailable,
        },
  );

  const ordered = STEP_ORDER.map((id) => steps.get(id)).filter(
    (s): s is DiagnosticStep => s !== undefined,
  );
  const finishedAt = new Date(clock.now()).toISOString();
  const hostUrl = `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  const text = formatReport({
    environment: target.environment,
    hostUrl,
    startedAt,
    finishedAt,
    steps: ordered,
    about: deps.about ?? {},
  });
  return { startedAt, finishedAt, environment: target.environment, hostUrl, steps: ordered, text };
}

function safeJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function judgeTls(facts: TlsFacts, now: number): DiagnosticStep {
  const leaf = facts.chain[0];
  const validTo = leaf ? Date.parse(leaf.valid_to) : Number.NaN;
  const days = Number.isNaN(validTo) ? undefined : Math.floor((validTo - now) / DAY_MS);
  const details: Record<string, string> = {
    protocol: facts.protocol,
    chain: facts.chain.map((c) => subjectName(c.subject)).join(' < '),
    validTo: leaf?.valid_to ?? 'unknown',
    daysToExpiry: days === undefined ? 'unknown' : String(days),
    hostnameMatch: facts.hostnameError ? 'no' : 'yes',
    trusted: facts.authorized ? 'yes' : 'no',
  };
  if (facts.authorizationError) details['error'] = facts.authorizationError;
  const fail = (adviceKey: string): DiagnosticStep => ({
    id: 'tls',
    status: 'fail',
    details,
    adviceKey,
  });
  if (
    facts.authorizationError === 'CERT_HAS_EXPIRED' ||
    facts.authorizationError === 'CERT_NOT_YET_VALID'
  )
    return fail(ADVICE.tlsExpired);
  if (facts.hostnameError) return fail(ADVICE.tlsNameMismatch);
  if (!facts.authorized) return fail(ADVICE.tlsUntrusted);
  if (days !== undefined && days < CERT_EXPIRY_WARN_DAYS)
    return { id: 'tls', status: 'warn', details, adviceKey: ADVICE.tlsExpiresSoon };
  return { id: 'tls', status: 'pass', details };
}

function subjectName(subject: unknown): string {
  const s = (subject ?? {}) as Record<string, unknown>;
  const pick = (v: unknown) =>
    Array.isArray(v) ? v.join('+') : typeof v === 'string' ? v : undefined;
  return pick(s['CN']) ?? pick(s['O']) ?? 'unnamed';
}

function judgeClock(offsetMs: number): DiagnosticStep {
  const offsetSec = Math.round(offsetMs / 100) / 10;
  const details = { offsetSec: String(offsetSec) };
  if (Math.abs(offsetSec) > CLOCK_SKEW_WARN_SEC)
    return { id: 'clock', status: 'warn', details, adviceKey: ADVICE.clockSkew };
  return { id: 'clock', status: 'pass', details };
}
