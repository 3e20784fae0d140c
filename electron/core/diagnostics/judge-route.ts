// Verdicts on the route steps (DNS, TCP, TLS, proxy) from the raw probes, weighed against the
// real path: when the host client reached the host, a probe that failed is a warning about this
// test, not a fault of the terminal's connection.
import type { DiagnosticStep } from '../../../shared/bridge.js';
import type { ProxyChoice } from './proxy-step.js';
import { proxyDetails } from './proxy-step.js';
import type { RealOutcome } from './real-path.js';
import type { Link, Probe, RouteOutcome } from './route-probes.js';
import type { ProbeError, TlsFacts } from './net-probes.js';
import { ADVICE, stepFail, type AdviceKey, type StepId } from './report.js';

/** What the check knows when it judges a step. */
export interface Verdicts {
  host: string;
  port: number;
  now: number;
  /** The host URL is a built-in placeholder: IT has not configured this environment. */
  placeholder: boolean;
  /** Absent only for a placeholder (the real path is not tried). */
  real?: RealOutcome;
  /** Absent when the system proxy lookup failed (`choiceError`). */
  choice?: ProxyChoice;
  choiceError?: ProbeError;
  dns?: Probe<{ addresses: string[]; ms: number }>;
  route: RouteOutcome;
}

/** A certificate expiring sooner than this earns a warning. */
export const CERT_EXPIRY_WARN_DAYS = 14;
const DAY_MS = 86_400_000;

const skipped = (id: StepId, adviceKey: AdviceKey = ADVICE.skipped): DiagnosticStep => ({
  id,
  status: 'skipped',
  details: {},
  adviceKey,
});

/** A failed probe while the real path works: a warning about this test only. */
const onlyProbe = (step: DiagnosticStep, v: Verdicts): DiagnosticStep =>
  v.real?.ok && step.status === 'fail'
    ? { ...step, status: 'warn', adviceKey: ADVICE.probeOnly }
    : step;

/** The advice for a failed link (TCP connection or proxy tunnel). */
export function linkAdvice(err: ProbeError, v: Verdicts): AdviceKey {
  if (err.code === 'EPROXYCONNECT') return ADVICE.proxyUnreachable;
  if (err.code === 'EPROXYAUTH')
    return v.choice?.url?.username ? ADVICE.proxyAuthFailed : ADVICE.proxyAuthRequired;
  if (err.code === 'EPROXY')
    return err.proxyStatus === 403 ? ADVICE.proxyRefused : ADVICE.proxyCouldNotReach;
  if (err.code === 'ECONNREFUSED') return ADVICE.hostNotAnswering;
  if (err.code === 'ETIMEDOUT') return ADVICE.tcpTimeout;
  return ADVICE.tcpFailed;
}

export function dnsStep(v: Verdicts): DiagnosticStep {
  if (v.placeholder)
    return {
      id: 'dns',
      status: 'fail',
      details: { host: v.host },
      adviceKey: ADVICE.hostNotConfigured,
    };
  if (!v.dns) return skipped('dns');
  if (v.dns.ok) {
    const { addresses, ms } = v.dns.value;
    return {
      id: 'dns',
      status: 'pass',
      details: { host: v.host, addresses: addresses.join(', '), ms: String(ms) },
    };
  }
  const step = stepFail('dns', ADVICE.dnsFailed, v.dns.error, { host: v.host });
  // Behind a proxy the workstation need not resolve outside names at all: the proxy does.
  if (v.choice?.url) return { ...step, status: 'warn', adviceKey: ADVICE.dnsViaProxy };
  return onlyProbe(step, v);
}

function linkDetails(v: Verdicts, link?: Link): Record<string, string> {
  const via = link?.via ?? (v.choice?.url ? proxyDetails(v.choice)['proxy'] : undefined);
  return {
    address: link?.address ?? v.host,
    port: String(v.port),
    ...(via !== undefined && { via }),
    ...(link?.ms !== undefined && { ms: String(link.ms) }),
  };
}

export function tcpStep(v: Verdicts): DiagnosticStep {
  if (v.placeholder || v.choiceError) return skipped('tcp');
  if (v.choice?.unsupported) return skipped('tcp', ADVICE.proxyNotTestable);
  const link = v.route.link;
  if (!link) return skipped('tcp');
  if (link.ok) return { id: 'tcp', status: 'pass', details: linkDetails(v, link.value) };
  const err = link.error;
  // The proxy step says what is wrong with the proxy itself.
  if (err.code === 'EPROXYCONNECT' || err.code === 'EPROXYAUTH') return skipped('tcp');
  const step = stepFail('tcp', linkAdvice(err, v), err, {
    ...linkDetails(v),
    ...(err.proxyStatus !== undefined && { proxyStatus: String(err.proxyStatus) }),
  });
  return onlyProbe(step, v);
}

export function tlsStep(v: Verdicts): DiagnosticStep {
  const tls = v.route.tls;
  if (!tls) {
    // No probe reached the host, but the host client did: its transport verified the certificate.
    if (v.real?.ok) return { id: 'tls', status: 'pass', details: { verifiedBy: 'terminal' } };
    return skipped('tls');
  }
  if (!tls.ok) return onlyProbe(stepFail('tls', ADVICE.tlsFailed, tls.error, {}), v);
  const judged = judgeTls(tls.value, v.now);
  if (v.real && !v.real.ok && v.real.code === 'TLS_ERROR' && judged.status !== 'fail') {
    // This test trusts the certificate, the terminal's own connection does not.
    return {
      ...judged,
      status: 'fail',
      adviceKey: ADVICE.tlsFailed,
      details: { ...judged.details, verifiedBy: 'probe' },
    };
  }
  return onlyProbe(judged, v);
}

export function proxyStep(v: Verdicts): DiagnosticStep {
  if (v.choiceError) {
    const step = stepFail('proxy', ADVICE.proxyLookupFailed, v.choiceError, { source: 'system' });
    return v.real?.ok ? { ...step, status: 'warn' } : step;
  }
  const choice = v.choice ?? { source: 'none' };
  const details = proxyDetails(choice);
  if (choice.unsupported)
    return { id: 'proxy', status: 'warn', details, adviceKey: ADVICE.proxyNotTestable };
  if (!choice.url) return { id: 'proxy', status: 'pass', details };
  const link = v.route.link;
  if (!link)
    return {
      id: 'proxy',
      status: 'pass',
      details: { ...details, tested: 'no' },
      adviceKey: ADVICE.proxyInUse,
    };
  if (link.ok) {
    return {
      id: 'proxy',
      status: 'pass',
      details: {
        ...details,
        proxyStatus: '200',
        ...(link.value.ms !== undefined && { ms: String(link.value.ms) }),
      },
      adviceKey: ADVICE.proxyInUse,
    };
  }
  const err = link.error;
  const status: Record<string, string> =
    err.proxyStatus === undefined ? {} : { proxyStatus: String(err.proxyStatus) };
  if (err.code === 'EPROXYCONNECT' || err.code === 'EPROXYAUTH')
    return onlyProbe(stepFail('proxy', linkAdvice(err, v), err, { ...details, ...status }), v);
  // The proxy answered; the TCP step says why it would not connect.
  return {
    id: 'proxy',
    status: 'pass',
    details: { ...details, ...status },
    adviceKey: ADVICE.proxyInUse,
  };
}

/** The TLS verdict from the handshake's facts. */
export function judgeTls(facts: TlsFacts, now: number): DiagnosticStep {
  const leaf = facts.chain[0];
  const validTo = leaf ? Date.parse(leaf.valid_to) : Number.NaN;
  const days = Number.isNaN(validTo) ? undefined : Math.floor((validTo - now) / DAY_MS);
  const details: Record<string, string> = {
    protocol: facts.protocol,
    chain: facts.chain.map((c) => subjectName(c.subject)).join(' < '),
    validTo: Number.isNaN(validTo) ? 'unknown' : new Date(validTo).toISOString(),
    daysToExpiry: days === undefined ? 'unknown' : String(days),
    hostnameMatch: facts.hostnameError ? 'no' : 'yes',
    trusted: facts.authorized ? 'yes' : 'no',
  };
  if (facts.authorizationError) details['error'] = facts.authorizationError;
  const fail = (adviceKey: AdviceKey): DiagnosticStep => ({
    id: 'tls',
    status: 'fail',
    details,
    adviceKey,
  });
  const authError = facts.authorizationError;
  if (authError === 'CERT_HAS_EXPIRED' || authError === 'CERT_NOT_YET_VALID')
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
