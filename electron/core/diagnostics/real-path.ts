// The real path: `GET /health` through the very host client the sign-in uses (in Electron its
// transport is Chromium's net.fetch, so the system proxy, PAC files, proxy sign-in and the Windows
// certificate store all apply). Its outcome decides the health, TLS and clock steps.
import type { HealthReply } from '../../../shared/protocol.js';
import { withTimeout } from './net-probes.js';

/** What the check needs of the host client (`HostClient` is one). */
export interface HealthSource {
  health(): Promise<HealthReply>;
}

/** How the real path went. */
export type RealOutcome =
  | { ok: true; reply: HealthReply; ms: number; offsetMs: number }
  | { ok: false; code: string; message: string };

/** Asks the host for its health; never rejects. The client retries and times out on its own; `ms` bounds the wait. */
export async function askHealth(
  host: HealthSource,
  ms: number,
  now: () => number,
): Promise<RealOutcome> {
  const t0 = now();
  try {
    const reply = await withTimeout(host.health(), ms, 'the host client');
    const t1 = now();
    // The server's clock was read somewhere inside the round trip: compare with its middle.
    return { ok: true, reply, ms: t1 - t0, offsetMs: Date.parse(reply.serverTime) - (t0 + t1) / 2 };
  } catch (err) {
    const code = (err as { code?: unknown } | null)?.code;
    return {
      ok: false,
      code: typeof code === 'string' ? code : 'UNKNOWN',
      message: err instanceof Error ? err.message : String(err),
    };
  }
}
