// The facts at the top of the connectivity report that the DCASS Hotline asks for first: which
// terminal, which OS, which environment, who was signed in, when (local and UTC), and the policy
// in force with where it came from. Nothing here is a secret; URLs lose their user information.
import { X509Certificate } from 'node:crypto';
import os from 'node:os';
import type { EnvironmentId } from '../../../shared/bridge.js';
import { withoutUserinfo } from './proxy-step.js';

/** What the facts are made of. */
export interface FactsInput {
  appVersion: string;
  mode: 'electron' | 'browser';
  versions: Record<string, string>;
  environment: EnvironmentId;
  /** The signed-in (or locked) user, if any. */
  user?: { userId: string; participantId: string };
  now: number;
  /** IANA zone of this workstation; default the runtime's. */
  timeZone?: string;
}

/** The operating system as IT names it, e.g. `Windows 10 Enterprise 10.0.19045 (win32 x64)`. */
export function osName(): string {
  return `${os.version()} ${os.release()} (${process.platform} ${process.arch})`;
}

function offsetOf(ms: number, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(ms)
    .find((p) => p.type === 'timeZoneName')?.value;
  // `GMT+08:00`, or plain `GMT` at offset zero.
  const offset = name?.replace(/^GMT/, '') ?? '';
  return `UTC${offset === '' ? '+00:00' : offset}`;
}

/** `1 Dec 2026 16:34 HKT (UTC+08:00)`: how a Hong Kong desk reads a time, with its offset. */
export function formatTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  const offset = offsetOf(ms, timeZone);
  // Intl has no abbreviation for Hong Kong in English ("GMT+8"); people there write HKT.
  const zone = timeZone === 'Asia/Hong_Kong' ? 'HKT' : part('timeZoneName');
  const date = `${part('day')} ${part('month')} ${part('year')} ${part('hour')}:${part('minute')}`;
  return zone === 'UTC' ? `${date} UTC` : `${date} ${zone} (${offset})`;
}

/** The report's header facts, in the order they are printed. */
export function reportFacts(i: FactsInput): Record<string, string> {
  const zone = i.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const facts: Record<string, string> = {
    'Terminal version': `${i.appVersion} (${i.mode === 'electron' ? 'Electron app' : 'browser mode'})`,
    Electron: i.versions['electron'] ?? 'n/a',
    Chromium: i.versions['chrome'] ?? 'n/a',
    Node: i.versions['node'] ?? process.versions.node,
    OS: osName(),
    'Environment checked': i.environment,
    User: i.user ? `${i.user.userId} (participant ${i.user.participantId})` : 'not signed in',
    'Local time': formatTime(i.now, zone),
  };
  if (offsetOf(i.now, zone) !== 'UTC+08:00')
    facts['Hong Kong time'] = formatTime(i.now, 'Asia/Hong_Kong');
  facts['UTC'] = formatTime(i.now, 'UTC');
  return facts;
}

/** What the policy section is made of (ConfigStore's view of the machine policy). */
export interface PolicyView {
  /** The registry key or file the policy is read from. */
  source: string;
  /** `ok`, `none` or `unreadable`, when the store says. */
  status?: string;
  values: Record<string, unknown>;
  problems: string[];
}

function certificateName(entry: string): string {
  if (!entry.includes('-----BEGIN')) return entry; // a path to a PEM file
  try {
    const cert = new X509Certificate(entry);
    return `${cert.subject.replace(/\n/g, ', ')} (until ${new Date(cert.validTo).toISOString().slice(0, 10)})`;
  } catch {
    return 'a certificate that cannot be parsed';
  }
}

function valueLines(key: string, value: unknown): string[] {
  if (key === 'extraCaCertificates' && Array.isArray(value))
    return value.map((e, n) => `${key}.${n + 1}: ${certificateName(String(e))}`);
  if (Array.isArray(value)) return [`${key}: ${value.map(String).join(', ')}`];
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => valueLines(`${key}.${k}`, v));
  const text = String(value);
  // A proxy URL may carry its sign-in: say that there is one, never what it is.
  const signIn = /:\/\/[^/@\s]+@/.test(text) ? ' (with a user name and password)' : '';
  return [`${key}: ${withoutUserinfo(text)}${signIn}`];
}

/** The effective policy as report lines: its source, each value set, and its problems. */
export function policySection(p: PolicyView): { heading: string; lines: string[] } {
  const set = Object.entries(p.values).flatMap(([k, v]) => valueLines(k, v));
  const lines = [
    `source: ${p.source}${p.status ? ` (${p.status})` : ''}`,
    ...(set.length > 0 ? set : ['no value set: the built-in defaults apply']),
    ...p.problems.map((problem) => `problem: ${withoutUserinfo(problem)}`),
  ];
  return { heading: 'Machine policy in force', lines };
}
