// The proxy step: which proxy the terminal's connection goes through, and whether it answers.
// The proxy comes from policy (explicit), else from the system (in Electron, Chromium resolves
// the Windows settings and PAC files for the host URL), else there is none.
import type { DiagnosticStep } from '../../../shared/bridge.js';
import { connectTcp, parseProxy, withTimeout, type ProxyTarget } from './net-probes.js';
import { ADVICE, stepFail } from './report.js';

/** Chromium's answer for a URL, e.g. `PROXY proxy.corp:8080; DIRECT` (Electron `session.resolveProxy`). */
export type ResolveProxy = (url: string) => Promise<string>;

/** The proxy step's result, and the proxy to tunnel through if the check can use it. */
export interface ProxyOutcome {
  step: DiagnosticStep;
  proxy?: ProxyTarget;
}

/** Where the proxy came from, and its URL when it is an HTTP proxy the check can tunnel through. */
async function findProxy(
  explicit: string | undefined,
  hostUrl: string,
  resolve: ResolveProxy | undefined,
  ms: number,
): Promise<{ source: string; url?: string; unsupported?: string }> {
  if (explicit) return { source: 'policy', url: explicit };
  if (!resolve) return { source: 'none configured' };
  const rules = await withTimeout(resolve(hostUrl), ms, 'system proxy lookup');
  const first = rules.split(';')[0]?.trim() ?? 'DIRECT';
  if (first === '' || /^DIRECT$/i.test(first)) return { source: 'system (DIRECT)' };
  const m = /^(PROXY|HTTP)\s+(\S+)$/i.exec(first);
  if (m?.[2]) return { source: 'system', url: `http://${m[2]}` };
  return { source: 'system', unsupported: first };
}

/** Runs the proxy step. */
export async function checkProxy(
  explicit: string | undefined,
  hostUrl: string,
  resolve: ResolveProxy | undefined,
  ms: number,
  now: () => number,
): Promise<ProxyOutcome> {
  let found: Awaited<ReturnType<typeof findProxy>>;
  try {
    found = await findProxy(explicit, hostUrl, resolve, ms);
  } catch (err) {
    return { step: stepFail('proxy', ADVICE.proxyFailed, err, { source: 'system' }) };
  }
  if (found.unsupported) {
    // A SOCKS or HTTPS proxy: the app uses it through Chromium; this check cannot tunnel through it.
    return {
      step: {
        id: 'proxy',
        status: 'warn',
        details: { source: found.source, proxy: found.unsupported, tested: 'no' },
        adviceKey: ADVICE.proxyInUse,
      },
    };
  }
  if (!found.url)
    return { step: { id: 'proxy', status: 'pass', details: { proxy: found.source } } };
  try {
    const proxy = parseProxy(found.url);
    const started = now();
    (await connectTcp(proxy.host, proxy.port, ms)).destroy();
    return {
      proxy,
      step: {
        id: 'proxy',
        status: 'pass',
        details: {
          source: found.source,
          proxy: `http://${proxy.host}:${proxy.port}`,
          authenticated: proxy.authorization ? 'yes' : 'no',
          ms: String(now() - started),
        },
        adviceKey: ADVICE.proxyInUse,
      },
    };
  } catch (err) {
    return {
      step: stepFail('proxy', ADVICE.proxyFailed, err, { source: found.source, proxy: found.url }),
    };
  }
}
