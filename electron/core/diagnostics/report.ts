// The connectivity report: advice keys, the plain-text form IT sends to the DCASS Hotline, and
// saving it. Everything written is redacted, even though the check never handles a secret: a
// proxy URL from policy may carry credentials.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DiagnosticStep, EnvironmentId } from '../../../shared/bridge.js';
import { DiagnosticStepId } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import { redactString } from '../logging/redact.js';

/** A step id of the check. */
export type StepId = DiagnosticStep['id'];

/** The order steps appear in the report. */
export const STEP_ORDER: readonly StepId[] = DiagnosticStepId.options;

/**
 * Every advice key the check emits; the renderer translates `diagnostics.advice.<key>`.
 * A key says what to do about the outcome, not merely what happened.
 */
export const ADVICE = {
  dnsFailed: 'dnsFailed',
  tcpFailed: 'tcpFailed',
  tcpTimeout: 'tcpTimeout',
  tlsFailed: 'tlsFailed',
  tlsUntrusted: 'tlsUntrusted',
  tlsExpired: 'tlsExpired',
  tlsNameMismatch: 'tlsNameMismatch',
  tlsExpiresSoon: 'tlsExpiresSoon',
  hostDown: 'hostDown',
  badReply: 'badReply',
  clockSkew: 'clockSkew',
  clockFailed: 'clockFailed',
  proxyInUse: 'proxyInUse',
  proxyFailed: 'proxyFailed',
  proxyAuthRequired: 'proxyAuthRequired',
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

/** Strips credentials from any URL inside a detail value. */
function cleanValue(value: string): string {
  return redactString(value.replace(/(\w+:\/\/)[^/@\s]+@/g, '$1[REDACTED]@'));
}

/** The plain-text report. */
export function formatReport(r: {
  environment: EnvironmentId;
  hostUrl: string;
  startedAt: string;
  finishedAt: string;
  steps: DiagnosticStep[];
  about?: Record<string, string>;
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
  return `${lines.join('\n')}\n`;
}

/** Writes a (redacted) report to `dir` under a new, timestamped name and returns its path. */
export async function saveReport(dir: string, text: string): Promise<string> {
  if (typeof text !== 'string' || text.length > 1_000_000) {
    throw new CcmsError(
      'INVALID_REQUEST',
      'report text must be a string of at most 1,000,000 characters',
      { field: 'text' },
    );
  }
  try {
    await fs.mkdir(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const file = path.join(dir, `ccms-connectivity-${stamp}-${randomBytes(3).toString('hex')}.txt`);
    // `wx`: never overwrite a report already there.
    await fs.writeFile(file, redactString(text), { flag: 'wx', encoding: 'utf8' });
    return file;
  } catch (err) {
    throw new CcmsError(
      'UNKNOWN',
      `the report could not be saved in ${dir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
