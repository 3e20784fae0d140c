// Reading a proxy's `Proxy-Authenticate` challenges (RFC 9110 §11.6.1, §11.7.1) and writing the
// Basic answer (RFC 7617). Only what the Node path needs: which schemes were offered, and the
// Basic realm.

/** One challenge: its scheme as sent, and its realm if it named one. */
export interface Challenge {
  scheme: string;
  realm?: string;
}

const TOKEN = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

/** Splits on commas that are outside quoted strings. */
function splitOutsideQuotes(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted && ch === '\\') {
      current += ch + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

function unquote(value: string): string {
  const v = value.trim();
  if (!(v.startsWith('"') && v.endsWith('"') && v.length >= 2)) return v;
  return v.slice(1, -1).replace(/\\(.)/g, '$1');
}

/** Applies an `name=value` auth-param to a challenge (only `realm` matters here). */
function applyParam(challenge: Challenge, param: string): void {
  const eq = param.indexOf('=');
  if (eq <= 0) return;
  if (param.slice(0, eq).trim().toLowerCase() !== 'realm') return;
  const realm = unquote(param.slice(eq + 1));
  if (realm !== '') challenge.realm = realm;
}

/**
 * The challenges in the `Proxy-Authenticate` header values (one header may hold several,
 * comma-separated, e.g. `Negotiate, Basic realm="corp"`). Unreadable parts are skipped.
 */
export function parseChallenges(values: readonly string[]): Challenge[] {
  const out: Challenge[] = [];
  for (const value of values) {
    let current: Challenge | undefined;
    for (const part of splitOutsideQuotes(value)) {
      const space = part.search(/\s/);
      const head = space === -1 ? part : part.slice(0, space);
      // `name=value` alone continues the current challenge; a bare token starts a new one.
      if (current && head.includes('=') && !/^[^=]+=+$/.test(head)) {
        applyParam(current, part);
        continue;
      }
      if (!TOKEN.test(head)) continue;
      current = { scheme: head };
      out.push(current);
      const rest = space === -1 ? '' : part.slice(space + 1).trim();
      if (rest.includes('=')) applyParam(current, rest);
    }
  }
  return out;
}

/** The `Proxy-Authenticate` values of a reply's raw header list (`[name, value, name, …]`). */
export function proxyAuthenticateValues(rawHeaders: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if ((rawHeaders[i] ?? '').toLowerCase() === 'proxy-authenticate') {
      values.push(rawHeaders[i + 1] ?? '');
    }
  }
  return values;
}

/** The `Proxy-Authorization` value for Basic: base64 of `user:password` in UTF-8. */
export function basicAuthorization(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}
