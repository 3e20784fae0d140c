// The connectivity check ("the seed's connectivity test, on demand"). The real path: the host
// client the sign-in uses asks the host's /health (health, TLS, version, clock). Beside it, the raw
// probes along the same route (DNS, TCP or the proxy's tunnel, the TLS handshake), which say where
// and why the real path failed. Each step is bounded in time and carries plain advice the renderer
// translates (`diagnostics.advice.<adviceKey>`).
import { CcmsError } from '../../../shared/errors.js';
import type { DiagnosticReport, DiagnosticStep, EnvironmentId } from '../../../shared/bridge.js';
import { DEFAULT_HOST_URLS } from '../config/config-store.js';
import type { Vault } from '../vault/vault.js';
import { clockStep, healthStep, type Transport } from './judge-host.js';
import { dnsStep, proxyStep, tcpStep, tlsStep, type Verdicts } from './judge-route.js';
import { withTimeout } from './net-probes.js';
import { chooseProxy, type ResolveProxy } from './proxy-step.js';
import { askHealth, type HealthSource } from './real-path.js';
import { ADVICE, STEP_ORDER, cleanStep, formatReport, type StepId } from './report.js';
import { probe, probeDns, probeRoute } from './route-probes.js';

export { saveReport, ADVICE, type AdviceKey } from './report.js';
export type { ResolveProxy } from './proxy-step.js';
export { CLOCK_SKEW_WARN_SEC } from './judge-host.js';
export { CERT_EXPIRY_WARN_DAYS } from './judge-route.js';

/** What to check: the environment's host, the extra CAs it is trusted with, the proxy if any. */
export interface DiagnosticsTarget {
  environment: EnvironmentId;
  url: string;
  caPems: string[];
  /** An explicit HTTP proxy (`http://[user:pass@]host:port`) from policy. */
  proxy?: string;
}

/** What the check uses: the host client, the vault (keychain step), a clock, a progress listener. */
export interface DiagnosticsDeps {
  /** The host client the sign-in uses for this environment (`hostFor(env)` in create-core.ts). */
  host: HealthSource;
  /** Which transport that client uses, for the report. */
  transport?: Transport;
  vault: Vault;
  clock?: { now(): number };
  onProgress(step: DiagnosticStep): void;
  /**
   * The system's proxy for a URL (Electron: `session.resolveProxy`): shown in the proxy step and,
   * when policy sets no proxy, the route the probes take, so they go where the app's requests go.
   */
  resolveProxy?: ResolveProxy;
  /** Facts printed at the top of the text report (app version, OS, user, times) for the hotline. */
  about?: Record<string, string>;
  /** Sections printed after the steps (the effective policy). */
  sections?: { heading: string; lines: string[] }[];
  /** Time allowed per probe, ms (default 8000). */
  stepTimeoutMs?: number;
  /** Time allowed for the host client's answer, ms (default 20000; the client retries inside it). */
  hostTimeoutMs?: number;
}

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

/** True for the built-in host URLs that stand in until IT's policy names the real hosts. */
export function isPlaceholderHost(url: URL): boolean {
  return Object.values(DEFAULT_HOST_URLS).some((p) => new URL(p).host === url.host);
}

/** Runs every step and returns the report; never rejects for a network fault (that is a `fail` step). */
export async function runDiagnostics(
  target: DiagnosticsTarget,
  deps: DiagnosticsDeps,
): Promise<DiagnosticReport> {
  const url = parseHostUrl(target.url);
  const clock = deps.clock ?? { now: () => Date.now() };
  const now = () => clock.now();
  const ms = deps.stepTimeoutMs ?? 8_000;
  const steps = new Map<StepId, DiagnosticStep>();
  const startedAt = new Date(now()).toISOString();
  const report = (raw: DiagnosticStep): void => {
    const step = cleanStep(raw);
    steps.set(step.id, step);
    try {
      deps.onProgress(step);
    } catch {
      /* a listener's fault must not stop the check */
    }
  };
  const running = (id: StepId) => report({ id, status: 'running', details: {} });
  const v: Verdicts = {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 443),
    now: now(),
    placeholder: isPlaceholderHost(url),
    route: {},
  };

  running('proxy');
  const choice = await probe(() => chooseProxy(target.proxy, url.href, deps.resolveProxy, ms));
  if (choice.ok) v.choice = choice.value;
  else v.choiceError = choice.error;

  // The real path and the probes run side by side; each step's verdict needs both.
  for (const id of ['health', 'dns', 'tcp', 'tls'] as const) running(id);
  const real = v.placeholder ? undefined : askHealth(deps.host, deps.hostTimeoutMs ?? 20_000, now);
  if (!v.placeholder) v.dns = await probeDns(v.host, ms, now);
  if (!v.placeholder && v.choice && !v.choice.unsupported) {
    const address = v.dns?.ok ? v.dns.value.addresses[0] : undefined;
    const routeTarget = { host: v.host, port: v.port, caPems: target.caPems };
    v.route = await probeRoute(
      address === undefined ? routeTarget : { ...routeTarget, address },
      v.choice,
      ms,
      now,
    );
  }
  if (real) v.real = await real;

  report(dnsStep(v));
  report(tcpStep(v));
  report(proxyStep(v));
  report(tlsStep(v));
  report(healthStep(v, deps.transport ?? 'node'));
  running('clock');
  report(clockStep(v));

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
    (s): s is DiagnosticStep => s !== undefined && s.status !== 'running',
  );
  const finishedAt = new Date(now()).toISOString();
  const hostUrl = `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  const text = formatReport({
    environment: target.environment,
    hostUrl,
    startedAt,
    finishedAt,
    steps: ordered,
    about: deps.about ?? {},
    sections: deps.sections ?? [],
  });
  return { startedAt, finishedAt, environment: target.environment, hostUrl, steps: ordered, text };
}
