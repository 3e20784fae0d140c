// One connection's sign-in to its proxy, on either path (the Node CONNECT tunnel in
// electron/core/host/tls-agent.ts, Chromium's `login` event in electron/chromium-fetch.ts): what
// to try first, what to try after each 407, when to give up. The broker in
// proxy-auth-broker.ts asks the user and remembers the answer.
import { CcmsError } from '../../../shared/errors.js';
import type { ProxyAuth, ProxyCredentials } from './proxy-auth-broker.js';

/** How many times one connection asks the user before it fails with PROXY_AUTH_FAILED. */
export const MAX_PROXY_PROMPTS = 3;

/** The proxy did not accept the user name and password, `MAX_PROXY_PROMPTS` times (or no way to ask). */
export function proxyAuthFailed(proxy: string): CcmsError {
  return new CcmsError(
    'PROXY_AUTH_FAILED',
    `The proxy server ${proxy} did not accept the user name and password.`,
    { proxy },
  );
}

/** The user cancelled the proxy's sign-in (or it timed out, or the terminal is closing). */
export function proxyAuthCancelled(proxy: string): CcmsError {
  return new CcmsError(
    'PROXY_AUTH_CANCELLED',
    `Signing in to the proxy server ${proxy} was cancelled.`,
    { proxy },
  );
}

/** The proxy wants a sign-in scheme this path cannot answer (Negotiate or NTLM on the Node path). */
export function proxyAuthUnsupported(proxy: string, schemes: string[]): CcmsError {
  const named = schemes.length > 0 ? schemes.join(', ') : 'an unnamed scheme';
  return new CcmsError(
    'PROXY_AUTH_UNSUPPORTED',
    `The proxy server ${proxy} asks for ${named} sign-in; without Chromium's network stack the terminal can only answer Basic.`,
    { proxy, proxyScheme: schemes[0] ?? 'unknown' },
  );
}

const PROXY_AUTH_CODES = new Set([
  'PROXY_AUTH_FAILED',
  'PROXY_AUTH_CANCELLED',
  'PROXY_AUTH_UNSUPPORTED',
]);

/**
 * The proxy sign-in error inside a transport failure, if there is one: axios wraps what the agent
 * or the fetch function threw in `cause`, and it must reach the screen as itself, not as "host
 * unreachable".
 */
export function proxyAuthErrorIn(err: unknown): CcmsError | undefined {
  let cur: unknown = err;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 6; depth++) {
    if (cur instanceof CcmsError && PROXY_AUTH_CODES.has(cur.code)) return cur;
    cur = (cur as { cause?: unknown }).cause;
  }
  return undefined;
}

const same = (a: ProxyCredentials | undefined, b: ProxyCredentials | undefined) =>
  a !== undefined && b !== undefined && a.username === b.username && a.password === b.password;

/** The sign-in of one connection (Node) or one request (Chromium) to one proxy. */
export class ProxyAuthRound {
  private prompts = 0;
  private refusals = 0;
  private tried: ProxyCredentials | undefined;

  /**
   * @param auth the broker; without it the round can only use `inline`
   * @param proxy `host:port`
   * @param inline credentials written in the policy's proxy URL, tried when nothing is remembered
   */
  constructor(
    private readonly auth: ProxyAuth | undefined,
    readonly proxy: string,
    private readonly inline?: ProxyCredentials,
  ) {}

  /** What to send with the first attempt: the answer remembered for this proxy, else the policy's. */
  first(): ProxyCredentials | undefined {
    this.tried = this.auth?.remembered(this.proxy) ?? this.inline;
    return this.tried;
  }

  /**
   * After a 407: the next credentials to try. Throws PROXY_AUTH_FAILED after the user's
   * `MAX_PROXY_PROMPTS`th refused answer, PROXY_AUTH_CANCELLED when the user cancels.
   */
  async next(challenge: { scheme: string; realm?: string }): Promise<ProxyCredentials> {
    const refused = this.tried;
    if (refused) {
      this.refusals++;
      this.auth?.refused(this.proxy, refused);
    }
    // Another connection may have had a newer answer meanwhile: use it without asking again.
    const remembered = this.auth?.remembered(this.proxy);
    if (remembered && !same(remembered, refused)) {
      this.tried = remembered;
      return remembered;
    }
    if (!this.auth || this.prompts >= MAX_PROXY_PROMPTS) throw proxyAuthFailed(this.proxy);
    this.prompts++;
    const answer = await this.auth.ask({
      proxy: this.proxy,
      scheme: challenge.scheme,
      attempt: this.refusals,
      ...(challenge.realm ? { realm: challenge.realm } : {}),
    });
    if (!answer) throw proxyAuthCancelled(this.proxy);
    this.tried = answer;
    return answer;
  }
}
