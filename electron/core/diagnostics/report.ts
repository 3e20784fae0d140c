// The connectivity report: advice keys, the plain-text form IT sends to the DCASS Hotline, and
// saving it. Everything written is redacted, even though the check never handles a secret: a
// proxy URL from policy may carry credentials.
import type { DiagnosticStep, EnvironmentId } from '../../../shared/bridge.js';
import { DIAGNOSTICS_TEXT_MAX, DiagnosticStepId } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import { redactString } from '../logging/redact.js';
import { saveTextFile } from '../files/save-text-file.js';

/** A step id of the check. */
export type StepId = DiagnosticStep['id'];

/** The order steps appear in the report. */
export const STEP_ORDER: readonly StepId[] = DiagnosticStepId.options;

/**
 * Every advice key the check emits; the renderer translates `diagnostics.advice.<key>`.
 * A key says what to do about the outcome, not merely what happened.
 */
export const ADVICE = {
  hostNotConfigured: 'hostNotConfigured',
  dnsFailed: 'dnsFailed',
  dnsViaProxy: 'dnsViaProxy',
  hostNotAnswering: 'hostNotAnswering',
  tcpFailed: 'tcpFailed',
  tcpTimeout: 'tcpTimeout',
  tlsFailed: 'tlsFailed',
  tlsUntrusted: 'tlsUntrusted',
  tlsExpired: 'tlsExpired',
  tlsNameMismatch: 'tlsNameMismatch',
  tlsExpiresSoon: 'tlsExpiresSoon',
  hostDown: 'hostDown',
  hostTimeout: 'hostTimeout',
  badReply: 'badReply',
  terminalPathFailed: 'terminalPathFailed',
  clockSkew: 'clockSkew',
  clockFailed: 'clockFailed',
  proxyInUse: 'proxyInUse',
  proxyLookupFailed: 'proxyLookupFailed',
  proxyUnreachable: 'proxyUnreachable',
  proxyRefused: 'proxyRefused',
  proxyCouldNotReach: 'proxyCouldNotReach',
  proxyAuthFailed: 'proxyAuthFailed',
  proxyAuthRequired: 'proxyAuthRequired',
  proxyNotTestable: 'proxyNotTestable',
  probeOnly: 'probeOnly',
  keychainUnavailable: 'keychainUnavailable',
  skipped: 'skipped',
} as const;
/** An advice key. */
export type AdviceKey = (typeof ADVICE)[keyof typeof ADVICE];

/** A failed step from an error: its code and message become details. */
export function stepFail(
  id: StepId,
  adviceKey: AdviceKey,
  err: unknown,
  details: Record<string, string>,
): DiagnosticStep {
  const code = (err as { code?: unknown } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return {
    id,
    status: 'fail',
    details: {
      ...details,
      ...(typeof code === 'string' ? { error: code } : {}),
      message: redactString(message),
    },
    adviceKey,
  };
}

/** Strips credentials from any URL inside a value, and any secret a message may quote. */
export function cleanValue(value: string): string {
  return redactString(value.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1[REDACTED]@'));
}

/** A step with every detail cleaned: what leaves the check (events, report) goes through here. */
export function cleanStep(step: DiagnosticStep): DiagnosticStep {
  const details = Object.fromEntries(
    Object.entries(step.details).map(([k, v]) => [k, cleanValue(v)]),
  );
  return { ...step, details };
}

/** The plain-text report. */
export function formatReport(r: {
  environment: EnvironmentId;
  hostUrl: string;
  startedAt: string;
  finishedAt: string;
  steps: DiagnosticStep[];
  /** Facts for the hotline (version, OS, user, times), in order. */
  about?: Record<string, string>;
  /** Indented lines under their heading, e.g. the effective policy. */
  sections?: { heading: string; lines: string[] }[];
}): string {
  const count = (s: DiagnosticStep['status']) => r.steps.filter((x) => x.status === s).length;
  const lines = [
    'CCMS Terminal connectivity check',
    `Environment: ${r.environment}`,
    `Host: ${cleanValue(r.hostUrl)}`,
    `Started: ${r.startedAt}`,
    `Finished: ${r.finishedAt}`,
    ...Object.entries(r.about ?? {}).map(([k, v]) => `${k}: ${cleanValue(v)}`),
    `Result: ${count('pass')} passed, ${count('warn')} warnings, ${count('fail')} failed, ${count('skipped')} skipped`,
    '',
  ];
  for (const step of r.steps) {
    lines.push(
      `[${step.status.toUpperCase()}] ${step.id}${step.adviceKey ? ` (advice: ${step.adviceKey})` : ''}`,
    );
    for (const [k, v] of Object.entries(step.details)) lines.push(`    ${k}: ${cleanValue(v)}`);
  }
  for (const section of r.sections ?? []) {
    lines.push('', `${section.heading}:`, ...section.lines.map((l) => `    ${cleanValue(l)}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Writes a (redacted) report to `dir` under a new, timestamped name and returns its path. */
export async function saveReport(dir: string, text: string): Promise<string> {
  if (typeof text !== 'string' || text.length > DIAGNOSTICS_TEXT_MAX) {
    throw new CcmsError(
      'INVALID_REQUEST',
      `report text must be a string of at most ${DIAGNOSTICS_TEXT_MAX.toLocaleString('en')} characters`,
      { field: 'text' },
    );
  }
  // Line by line: redaction shortens a single string past 20,000 characters (logging/redact.ts).
  const clean = text.split('\n').map(redactString).join('\n');
  return saveTextFile(
    dir,
    { prefix: 'ccms-connectivity', extension: 'txt', what: 'the report' },
    clean,
  );
}
