// Which proxy the terminal's connection goes through. The policy's proxy is fixed; otherwise the
// system decides (in Electron, Chromium answers `session.resolveProxy` from the Windows settings
// and PAC files for the host URL); without either there is none. The answer is shown as given,
// and the probes go through the same proxy.
import { withTimeout } from './net-probes.js';
import { proxyAddress } from './proxy-tunnel.js';

/** Chromium's answer for a URL, e.g. `PROXY proxy.corp:8080; DIRECT` (Electron `session.resolveProxy`). */
export type ResolveProxy = (url: string) => Promise<string>;

/** The route the check found. `url` may carry the policy's sign-in: it is never shown. */
export interface ProxyChoice {
  source: 'policy' | 'system' | 'none';
  /** The system's answer for the host URL, when the core was given `resolveProxy`. */
  rules?: string;
  /** The proxy the probes tunnel through. */
  url?: URL;
  /** A rule the probes cannot follow (SOCKS), shown as it is. */
  unsupported?: string;
}

/** `http://user:pass@host` → `http://host`, in any text. */
export function withoutUserinfo(text: string): string {
  return text.replace(/([a-z][\w+.-]*:\/\/)[^/@\s]*@/gi, '$1');
}

/** The first rule of a PAC-style answer as a route. */
function fromRules(rules: string): Omit<ProxyChoice, 'source' | 'rules'> {
  const first = rules.split(';')[0]?.trim() ?? '';
  if (first === '' || /^DIRECT$/i.test(first)) return {};
  const m = /^(PROXY|HTTP|HTTPS)\s+(\S+)$/i.exec(first);
  if (!m?.[1] || !m[2]) return { unsupported: first };
  const scheme = m[1].toUpperCase() === 'HTTPS' ? 'https' : 'http';
  try {
    return { url: new URL(`${scheme}://${m[2]}`) };
  } catch {
    return { unsupported: first };
  }
}

/** Finds the route to `hostUrl`; rejects (ETIMEDOUT, the resolver's error) when the system lookup fails. */
export async function chooseProxy(
  policyProxy: string | undefined,
  hostUrl: string,
  resolve: ResolveProxy | undefined,
  ms: number,
): Promise<ProxyChoice> {
  const rules = resolve
    ? withoutUserinfo(await withTimeout(resolve(hostUrl), ms, 'system proxy lookup'))
    : undefined;
  if (policyProxy) {
    const fixed = new URL(policyProxy);
    if (rules === undefined) return { source: 'policy', url: fixed };
    // Chromium applied the policy (its bypass list too): follow its answer, and for the policy's
    // own proxy use the policy's URL, which carries the sign-in Chromium's answer leaves out.
    const route = fromRules(rules);
    if (route.url?.host === fixed.host) return { source: 'policy', rules, url: fixed };
    return { source: 'policy', rules, ...route };
  }
  if (rules === undefined) return { source: 'none' };
  return { source: 'system', rules, ...fromRules(rules) };
}

/** The proxy step's facts: where the route came from and which proxy, never its sign-in. */
export function proxyDetails(choice: ProxyChoice): Record<string, string> {
  const details: Record<string, string> = { source: choice.source };
  if (choice.rules !== undefined) details['rules'] = choice.rules;
  if (choice.url) {
    details['proxy'] = proxyAddress(choice.url);
    details['credentials'] = choice.url.username ? 'yes' : 'no';
  }
  if (choice.unsupported) {
    details['proxy'] = choice.unsupported;
    details['tested'] = 'no';
  }
  return details;
}
