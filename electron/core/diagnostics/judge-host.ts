// Verdicts on the host steps (health and clock) from the real path, and, when the real path
// failed, the advice the raw probes explain it with: the probes know the exact fault (407, refused
// port, unknown name, certificate), the host client only that it could not get through.
import type { DiagnosticStep } from '../../../shared/bridge.js';
import { judgeTls, linkAdvice, type Verdicts } from './judge-route.js';
import { proxyAddress } from './proxy-tunnel.js';
import { ADVICE, type AdviceKey } from './report.js';

/** TOTP accepts one 30-second step either side; beyond that the clocks disagree too much. */
export const CLOCK_SKEW_WARN_SEC = 30;

/** Which transport the host client uses: Chromium's (Electron) or Node's https. */
export type Transport = 'chromium' | 'node';

const HOST_FAULT_STATUS = /\b50[234]\b/;

/** Why the host client could not get through, in the words of the best-placed probe. */
export function explainFailure(v: Verdicts, code: string, message: string): AdviceKey {
  const link = v.route.link;
  const tls = v.route.tls;
  if (link && !link.ok) {
    const advice = linkAdvice(link.error, v);
    // The proxy could not reach the name, and neither can this workstation: the name is unknown.
    const unknownName = advice === ADVICE.proxyCouldNotReach && v.dns && !v.dns.ok;
    return unknownName ? ADVICE.dnsFailed : advice;
  }
  if (!v.choice?.url && v.dns && !v.dns.ok) return ADVICE.dnsFailed;
  if (tls?.ok) {
    const judged = judgeTls(tls.value, v.now);
    if (judged.status === 'fail' && judged.adviceKey) return judged.adviceKey as AdviceKey;
  }
  if (code === 'TLS_ERROR') return ADVICE.tlsFailed;
  if (code === 'HOST_TIMEOUT' || code === 'ETIMEDOUT') return ADVICE.hostTimeout;
  if (code === 'BAD_HOST_REPLY') return ADVICE.badReply;
  if (code !== 'HOST_UNREACHABLE' || HOST_FAULT_STATUS.test(message)) return ADVICE.hostDown;
  // Every probe got through, only the terminal's own connection did not.
  return ADVICE.terminalPathFailed;
}

export function healthStep(v: Verdicts, transport: Transport): DiagnosticStep {
  if (v.placeholder || !v.real)
    return { id: 'health', status: 'skipped', details: {}, adviceKey: ADVICE.skipped };
  const real = v.real;
  if (real.ok) {
    const h = real.reply;
    return {
      id: 'health',
      status: 'pass',
      details: {
        status: h.status,
        version: h.version,
        environment: h.environment,
        ms: String(real.ms),
        transport,
      },
    };
  }
  const proxy: Record<string, string> = v.choice?.url ? { proxy: proxyAddress(v.choice.url) } : {};
  return {
    id: 'health',
    status: 'fail',
    details: { transport, ...proxy, error: real.code, message: real.message },
    adviceKey: explainFailure(v, real.code, real.message),
  };
}

export function clockStep(v: Verdicts): DiagnosticStep {
  if (!v.real?.ok)
    return { id: 'clock', status: 'skipped', details: {}, adviceKey: ADVICE.clockFailed };
  const offsetSec = Math.round(v.real.offsetMs / 100) / 10;
  const details = { offsetSec: String(offsetSec) };
  if (Math.abs(offsetSec) > CLOCK_SKEW_WARN_SEC)
    return { id: 'clock', status: 'warn', details, adviceKey: ADVICE.clockSkew };
  return { id: 'clock', status: 'pass', details };
}
