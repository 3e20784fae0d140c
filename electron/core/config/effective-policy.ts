import type { MachinePolicy } from './machine-policy.js';
import { policyFields, type PolicyField } from './policy-fields.js';
import type { PolicyRead, PolicySource } from './policy-read.js';

/** `none`: no policy is set; `ok`: the policy was read; `unreadable`: it exists but cannot be read. */
export type PolicyStatus = 'none' | 'ok' | 'unreadable';

/** The machine policy the terminal applies, where it came from, and what was wrong with it. */
export interface EffectivePolicy {
  /** The registry key or file read. */
  source: string;
  status: PolicyStatus;
  values: Partial<MachinePolicy>;
  /** Each names the source and the setting, and says what applies instead. */
  problems: string[];
}

type Doc = Record<string, unknown>;
type Naming = PolicySource['naming'];

const isObject = (v: unknown): v is Doc => v !== null && typeof v === 'object' && !Array.isArray(v);

function getPath(doc: Doc, path: readonly string[]): unknown {
  let at: unknown = doc;
  for (const key of path) at = isObject(at) && Object.hasOwn(at, key) ? at[key] : undefined;
  return at;
}

function setPath(doc: Doc, path: readonly string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) doc[head] = value;
  else setPath((doc[head] ??= {}) as Doc, rest, value);
}

const label = (f: PolicyField, naming: Naming) =>
  `"${naming === 'registry' ? f.meta.valueName : f.path.join('.')}"`;

function show(value: unknown, naming: Naming): string {
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'boolean' && naming === 'registry') return value ? '1' : '0';
  return String(value);
}

function restrictive(f: PolicyField, naming: Naming): string {
  if (!f.meta.restricting) return '';
  return `${naming === 'registry' ? f.meta.valueName : f.path.join('.')} = ${show(f.meta.mostRestrictive, naming)}`;
}

/** The document of every restricting setting at its most restrictive value. */
export function mostRestrictivePolicy(): Partial<MachinePolicy> {
  const doc: Doc = {};
  for (const f of policyFields())
    if (f.meta.restricting) setPath(doc, f.path, f.meta.mostRestrictive);
  return doc as Partial<MachinePolicy>;
}

function unreadable(
  message: string,
  source: Pick<PolicySource, 'location' | 'naming'>,
): EffectivePolicy {
  const applied = policyFields()
    .filter((f) => f.meta.restricting)
    .map((f) => restrictive(f, source.naming))
    .join('; ');
  return {
    source: source.location,
    status: 'unreadable',
    values: mostRestrictivePolicy(),
    problems: [`${message} The most restrictive policy applies until it can be read: ${applied}.`],
  };
}

/** Why a value fails its schema, naming the entry of a list and echoing only enum-like words. */
function schemaReason(
  f: PolicyField,
  value: unknown,
): { ok: true; data: unknown } | { ok: false; reason: string } {
  const r = f.schema.safeParse(value);
  if (r.success) return { ok: true, data: r.data };
  const issue = r.error.issues[0];
  const entry = typeof issue?.path[0] === 'number' ? ` entry ${issue.path[0] + 1}` : '';
  const got = issue?.path.reduce<unknown>(
    (at, key) => (at !== null && typeof at === 'object' ? (at as Doc)[String(key)] : undefined),
    value,
  );
  // Only short words are echoed: a URL may carry a proxy password, a list entry a path.
  const echo =
    issue?.code === 'invalid_value' && typeof got === 'string' && /^[\w.-]{1,40}$/.test(got)
      ? ` ("${got}")`
      : '';
  const message = issue?.message ?? 'is invalid';
  // zod's own messages are sentences ("Invalid option: …"); the schema's read on ("must be …").
  const joined = entry || echo || /^[A-Z]/.test(message) ? `: ${message}` : ` ${message}`;
  return { ok: false, reason: `${entry}${echo}${joined}` };
}

/** Settings at the source that the policy does not have, each as a problem. */
function unknownSettings(
  read: Extract<PolicyRead, { kind: 'ok' }>,
  raw: Doc,
  location: string,
  naming: Naming,
): string[] {
  if (naming === 'registry')
    return (read.unknown ?? []).map((n) => `${location}: unknown value "${n}" is ignored.`);
  const known = new Set(policyFields().map((f) => f.path.join('.')));
  const groups = new Set(policyFields().flatMap((f) => (f.path.length > 1 ? [f.path[0]] : [])));
  return Object.entries(raw).flatMap(([key, v]) => {
    if (known.has(key)) return [];
    if (!groups.has(key)) return [`${location}: unknown setting "${key}" is ignored.`];
    if (!isObject(v)) return [`${location}: "${key}" is not an object; it is ignored.`];
    return Object.keys(v)
      .filter((k) => !known.has(`${key}.${k}`))
      .map((k) => `${location}: unknown setting "${key}.${k}" is ignored.`);
  });
}

/** Proxy mode `fixed` needs a proxy and `pac` a PAC file; without one (proxyPolicy) the system's
 * settings apply, and this says so. */
function checkProxy(values: Partial<MachinePolicy>, location: string, naming: Naming): string[] {
  const needs = { fixed: 'proxy', pac: 'proxyPacUrl' } as const;
  const mode = values.proxyMode;
  if (mode !== 'fixed' && mode !== 'pac') return [];
  if (values[needs[mode]] !== undefined) return [];
  const byPath = (p: string) => policyFields().find((f) => f.path.join('.') === p);
  const modeField = byPath('proxyMode');
  const needed = byPath(needs[mode]);
  if (!modeField || !needed) return [];
  return [
    `${location}: ${label(modeField, naming)} is ${mode} but ${label(needed, naming)} is not set or not valid; the system proxy settings are used.`,
  ];
}

/**
 * Applies the policy rules to what was read. A restricting setting with a value that is not valid
 * gets its most restrictive value, a harmless one its default; a policy that exists but cannot be
 * read gives every restricting setting its most restrictive value. Each case is named in problems.
 */
export function resolvePolicy(
  read: PolicyRead,
  source: Pick<PolicySource, 'location' | 'naming'>,
): EffectivePolicy {
  const { location, naming } = source;
  if (read.kind === 'absent') return { source: location, status: 'none', values: {}, problems: [] };
  if (read.kind === 'unreadable') return unreadable(read.message, source);
  if (!isObject(read.raw)) return unreadable(`${location}: is not an object of settings.`, source);
  const raw = read.raw;
  const values: Doc = {};
  const problems = unknownSettings(read, raw, location, naming);
  for (const f of policyFields()) {
    const stored = read.rejected?.get(f.path.join('.'));
    const value = getPath(raw, f.path);
    if (stored === undefined && value === undefined) continue;
    const checked =
      stored === undefined ? schemaReason(f, value) : { ok: false as const, reason: ` ${stored}` };
    if (checked.ok) {
      setPath(values, f.path, checked.data);
      continue;
    }
    if (f.meta.restricting) setPath(values, f.path, f.meta.mostRestrictive);
    const then = f.meta.restricting
      ? `the most restrictive value applies (${restrictive(f, naming)})`
      : 'it is ignored and the default applies';
    problems.push(`${location}: ${label(f, naming)}${checked.reason}; ${then}.`);
  }
  const policy = values as Partial<MachinePolicy>;
  problems.push(...checkProxy(policy, location, naming));
  return { source: location, status: 'ok', values: policy, problems };
}

/** The proxy the policy asks for: mode, and the proxy, PAC file and bypass rules that mode uses. */
export interface ProxyPolicy {
  mode: 'system' | 'direct' | 'fixed' | 'pac';
  proxy?: string;
  pacUrl?: string;
  bypass: string[];
}

/** Without a proxy mode, a proxy that is set means `fixed` (as before the mode existed). */
export function proxyPolicy(p: Partial<MachinePolicy>): ProxyPolicy {
  const mode = p.proxyMode ?? (p.proxy !== undefined ? 'fixed' : 'system');
  if (mode === 'fixed' && p.proxy !== undefined)
    return { mode, proxy: p.proxy, bypass: [...(p.proxyBypassList ?? [])] };
  if (mode === 'pac' && p.proxyPacUrl !== undefined)
    return { mode, pacUrl: p.proxyPacUrl, bypass: [] };
  return { mode: mode === 'direct' ? 'direct' : 'system', bypass: [] };
}
