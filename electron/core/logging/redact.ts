// Redaction: every logger passes everything through here, so that no password, OTP, token or TOTP
// secret reaches a log file, a diagnostic report or the console, whatever shape it arrives in.
// It must never throw: a logger that crashes while logging an error hides the error.

/** What replaces a secret. */
export const REDACTED = '[REDACTED]';

const MAX_DEPTH = 8;
const MAX_KEYS = 100;
const MAX_ITEMS = 200;
const MAX_STRING = 20_000;

// Key names are compared lower-case with `_`, `-`, `.` and spaces removed: `init_token`,
// `initToken` and `Init-Token` are one key.
const SECRET_KEY_PARTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'otpauth',
  'authorization',
  'cookie',
  'credential',
  'privatekey',
  'apikey',
  'challenge',
  'bearer',
  'sessionid',
  'otpvalue',
  'proxyauth',
];
const SECRET_KEYS = new Set([
  'pwd',
  'pass',
  'pin',
  'otp',
  'totp',
  'otpcode',
  'seed',
  'base32',
  'sid',
  'pw',
  'auth',
  'otpvalue',
]);
// Keys that contain a secret word but describe rules or facts, never a secret value.
const PUBLIC_KEYS = new Set([
  'passwordpolicy',
  'passwordexpired',
  'tokentype',
  'challengeexpired',
  'secretservice',
  'credentialstore',
  'otpchannel',
]);
// `code` is also an error code (`OTP_INVALID`); only a run of digits under these keys is an OTP.
const CODE_KEYS = new Set([
  'code',
  'otpcode',
  'verificationcode',
  'authcode',
  'mfacode',
  'twofactorcode',
]);
const OTP_DIGITS = /^\s*\d{6,8}\s*$/;

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[\s_.-]/g, '');
}

/** Whether a value kept under this key name is a secret, whatever the value looks like. */
export function isSecretKey(key: string): boolean {
  const k = normalizeKey(key);
  if (PUBLIC_KEYS.has(k)) return false;
  if (SECRET_KEYS.has(k)) return true;
  return SECRET_KEY_PARTS.some((part) => k.includes(part));
}

// Free-text patterns. Each keeps the name and separator so a reader still sees what was there.
const KEY_NAMES =
  'password|passwd|passphrase|pwd|new_?password|old_?password|secret|totp_?secret|token|access_?token|refresh_?token|session_?token|init_?token|id_?token|challenge_?id|challenge|api_?key|otp|otpauth_?uri|authorization|cookie|credential';
// `password=hunter2`, `"token": "abc"`, `initToken: 'x'`, `password%3Dabc`.
const KEY_VALUE = new RegExp(
  `((?:${KEY_NAMES})(?:\\\\?["'])?\\s*(?:[:=]|%3D)\\s*(?:\\\\?["'])?)(?!\\[REDACTED\\])((?:\\\\"|[^\\s&"',;}\\]\\\\])+)`,
  'gi',
);
// `password="two words"`, `secret='a b'`: a quoted value is removed up to its closing quote.
const KEY_QUOTED = new RegExp(`((?:${KEY_NAMES})\\s*[:=]\\s*)("[^"]*"|'[^']*')`, 'gi');
// `password is hunter2`, `token abc…` in prose and error messages.
const KEY_PROSE = new RegExp(
  `\\b((?:password|passwd|passphrase|secret|token)\\s+(?:is\\s+|was\\s+)?)(?!\\[REDACTED\\])(?=[^\\s]*[\\d\\W_])([^\\s,;]{4,})`,
  'gi',
);
// `http://user:pass@proxy:8080`: the password of a URL's userinfo.
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+(@)/gi;
// `code is 123 456`, `OTP: 123-456`: a code typed or shown in groups.
const GROUPED_CODE =
  /((?:code|otp|totp|one-time password)(?:\s+is)?["']?\s*(?:[:=]|%3D|\s)\s*["']?)(\d{3}[\s-]\d{3,4})\b/gi;
// `code=123456`, `"code":"123456"`, `OTP 123456`: only digits, so error codes stay readable.
const CODE_VALUE =
  /((?:code|otp|totp|otp_?code|verification_?code|one-time password)["']?\s*(?:[:=]|%3D|\s)\s*["']?)(\d{6,8})\b/gi;
const BEARER = /\b(Bearer|Basic|Token|Session)(\s+)[A-Za-z0-9\-._~+/=:]{4,}/gi;
const OTPAUTH_URI = /otpauth(?::|%3A)(?:\/\/|%2F%2F)[^\s"'<>]*/gi;
const AUTH_HEADER = /\b(authorization|cookie|set-cookie)(\s*:\s*)[^\r\n]+/gi;

// The secrets the core holds right now (the password and code of the request in flight, the
// session token), scrubbed by exact match: a pattern can miss a shape, an exact match cannot.
const live = new Map<string, number>();
/** Shorter values would match ordinary text; they are left to the patterns. */
const MIN_LIVE_LENGTH = 6;

/**
 * Holds values to scrub from everything logged until the returned release is called (each hold
 * is counted, so two requests holding one value release it independently).
 */
export function holdLiveSecrets(values: Iterable<string>): () => void {
  const held = [...values].filter((v) => typeof v === 'string' && v.length >= MIN_LIVE_LENGTH);
  for (const v of held) live.set(v, (live.get(v) ?? 0) + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    for (const v of held) {
      const n = (live.get(v) ?? 1) - 1;
      if (n <= 0) live.delete(v);
      else live.set(v, n);
    }
  };
}

function scrubLive(text: string): string {
  let out = text;
  for (const v of live.keys()) if (out.includes(v)) out = out.split(v).join(REDACTED);
  return out;
}

function redactText(text: string): string {
  let out = text.length > MAX_STRING ? `${text.slice(0, MAX_STRING)}…[truncated]` : text;
  const json = redactJsonText(out);
  if (json !== undefined) return json;
  out = scrubLive(out);
  out = out.replace(OTPAUTH_URI, `otpauth://${REDACTED}`);
  out = out.replace(URL_USERINFO, `$1${REDACTED}$2`);
  out = out.replace(AUTH_HEADER, `$1$2${REDACTED}`);
  out = out.replace(BEARER, `$1$2${REDACTED}`);
  out = out.replace(KEY_QUOTED, (_m, head: string) => `${head}"${REDACTED}"`);
  out = out.replace(KEY_VALUE, (_m, head: string) => `${head}${REDACTED}`);
  out = out.replace(KEY_PROSE, (_m, head: string) => `${head}${REDACTED}`);
  out = out.replace(GROUPED_CODE, (_m, head: string) => `${head}${REDACTED}`);
  out = out.replace(CODE_VALUE, (_m, head: string) => `${head}${REDACTED}`);
  return out;
}

// A string that is a whole JSON document (a request body in an HTTP error, say) is parsed,
// redacted by key and written back, which is more precise than the text patterns.
function redactJsonText(text: string): string | undefined {
  const t = text.trim();
  if (!((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))))
    return undefined;
  try {
    const parsed: unknown = JSON.parse(t);
    return scrubLive(JSON.stringify(walk(parsed, [], 0)));
  } catch {
    return undefined;
  }
}

function redactUnderKey(key: string, value: unknown, ancestors: object[], depth: number): unknown {
  const k = normalizeKey(key);
  if (CODE_KEYS.has(k) && (typeof value === 'string' || typeof value === 'number')) {
    return OTP_DIGITS.test(String(value)) ? REDACTED : walk(value, ancestors, depth);
  }
  if (isSecretKey(key)) {
    if (value === null || value === undefined || typeof value === 'boolean') return value;
    return REDACTED;
  }
  return walk(value, ancestors, depth);
}

function safeGet(obj: object, key: string | symbol): unknown {
  try {
    return (obj as Record<string | symbol, unknown>)[key];
  } catch {
    return '[Unreadable]';
  }
}

function walkEntries(
  entries: Iterable<[string, unknown]>,
  ancestors: object[],
  depth: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let n = 0;
  for (const [key, value] of entries) {
    if (n++ >= MAX_KEYS) {
      out['…'] = '[more keys omitted]';
      break;
    }
    out[key] = redactUnderKey(key, value, ancestors, depth + 1);
  }
  return out;
}

function ownEntries(obj: object): Array<[string, unknown]> {
  return Object.keys(obj).map((k) => [k, safeGet(obj, k)]);
}

function walkError(err: Error, ancestors: object[], depth: number): Record<string, unknown> {
  const entries: Array<[string, unknown]> = [
    ['name', safeGet(err, 'name')],
    ['message', safeGet(err, 'message')],
  ];
  const stack = safeGet(err, 'stack');
  if (typeof stack === 'string') entries.push(['stack', stack]);
  for (const [k, v] of ownEntries(err)) {
    if (k !== 'name' && k !== 'message' && k !== 'stack' && k !== 'cause') entries.push([k, v]);
  }
  const cause = safeGet(err, 'cause');
  if (cause !== undefined) entries.push(['cause', cause]);
  // AggregateError keeps its children in `errors`, which is not enumerable on some engines.
  const errors = safeGet(err, 'errors');
  if (Array.isArray(errors) && !entries.some(([k]) => k === 'errors'))
    entries.push(['errors', errors]);
  return walkEntries(entries, ancestors, depth);
}

function describeBinary(value: ArrayBuffer | ArrayBufferView): string {
  // Bytes may be a secret (a keychain blob, a request body): never dump them.
  return `[${value.constructor?.name ?? 'Binary'} ${value.byteLength} bytes]`;
}

/**
 * An array may be key/value pairs: `[['Authorization', 'Bearer …']]` (entries) or a flat
 * `['Authorization', 'Bearer …', 'Host', 'h']` (Node's rawHeaders). A string item that names a
 * secret makes the value beside it a secret.
 */
function walkArray(items: unknown[], ancestors: object[], depth: number): unknown[] {
  const pair = (v: unknown): v is [string, unknown] =>
    Array.isArray(v) && v.length === 2 && typeof v[0] === 'string';
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i++) {
    const v = items[i];
    if (pair(v)) {
      out.push([
        walk(v[0], ancestors, depth + 1),
        redactUnderKey(v[0], v[1], ancestors, depth + 1),
      ]);
      continue;
    }
    const next = items[i + 1];
    if (
      typeof v === 'string' &&
      i + 1 < items.length &&
      isSecretKey(v) &&
      typeof next !== 'object'
    ) {
      out.push(v, redactUnderKey(v, next, ancestors, depth + 1));
      i++;
      continue;
    }
    out.push(walk(v, ancestors, depth + 1));
  }
  return out;
}

function walkObject(obj: object, ancestors: object[], depth: number): unknown {
  if (obj instanceof Error) return walkError(obj, ancestors, depth);
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? 'Invalid Date' : obj.toISOString();
  if (obj instanceof URL) return redactText(obj.href);
  if (obj instanceof RegExp) return String(obj);
  if (obj instanceof ArrayBuffer || ArrayBuffer.isView(obj)) return describeBinary(obj);
  if (Array.isArray(obj)) {
    const items = walkArray(obj.slice(0, MAX_ITEMS), ancestors, depth);
    if (obj.length > MAX_ITEMS) items.push(`[${obj.length - MAX_ITEMS} more items]`);
    return items;
  }
  if (obj instanceof Map) {
    return walkEntries(
      Array.from(obj.entries(), ([k, v]): [string, unknown] => [String(k), v]),
      ancestors,
      depth,
    );
  }
  if (obj instanceof Set) return walk(Array.from(obj), ancestors, depth);
  const toJSON = safeGet(obj, 'toJSON');
  if (typeof toJSON === 'function') {
    // Header bags and similar classes know their own data shape better than their fields do.
    let json: unknown;
    try {
      json = toJSON.call(obj);
    } catch {
      return '[Unreadable]';
    }
    if (json !== obj) return walk(json, ancestors, depth);
  }
  const proto: unknown = Object.getPrototypeOf(obj);
  if (proto !== null && proto !== Object.prototype) {
    const name = (obj.constructor as { name?: unknown } | undefined)?.name;
    // Class instances (sockets, requests, streams) are huge and may hold secrets in private
    // fields: named, not dumped. Plain data is what a log needs.
    if (typeof name === 'string' && name !== 'Object') return `[${name}]`;
  }
  return walkEntries(ownEntries(obj), ancestors, depth);
}

function walk(value: unknown, ancestors: object[], depth: number): unknown {
  switch (typeof value) {
    case 'string':
      return redactText(value);
    case 'number':
    case 'boolean':
    case 'undefined':
      return value;
    case 'bigint':
      return `${value.toString()}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return `[Function ${value.name || 'anonymous'}]`;
  }
  if (value === null) return null;
  const obj = value as object;
  if (ancestors.includes(obj)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Too deep]';
  ancestors.push(obj);
  try {
    return walkObject(obj, ancestors, depth);
  } catch {
    // A hostile Proxy or a getter that throws: say so, keep the rest of the value.
    return '[Unreadable]';
  } finally {
    ancestors.pop();
  }
}

/**
 * Returns a copy of `value` with every password, OTP, token, TOTP secret and otpauth URI replaced
 * by `[REDACTED]`, whatever its shape (nested objects, arrays, errors with causes, JSON or
 * `key=value` text). Cycle-safe and never throws.
 */
export function redact(value: unknown): unknown {
  try {
    return walk(value, [], 0);
  } catch {
    return '[Unredactable value omitted]';
  }
}

/** `redact` for a string message: always returns a string. */
export function redactString(text: string): string {
  const out = redact(text);
  return typeof out === 'string' ? out : '[Unredactable value omitted]';
}
