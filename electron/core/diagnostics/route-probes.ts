// The raw probes along the route the terminal takes: DNS lookup, then either a direct TCP
// connection and TLS handshake, or a CONNECT tunnel through the chosen proxy and the handshake
// inside it. Each outcome is kept (value or error) for the steps to judge.
import type { ProxyChoice } from './proxy-step.js';
import { connectTcp, handshake, lookup, ProbeError, type TlsFacts } from './net-probes.js';
import { handshakeViaProxy, proxyAddress } from './proxy-tunnel.js';

/** A probe's value or the error that stopped it. */
export type Probe<T> = { ok: true; value: T } | { ok: false; error: ProbeError };

/** How the host was reached: its address, the proxy in between, how long it took. */
export interface Link {
  address: string;
  via?: string;
  ms?: number;
}

/** Everything the raw probes found after DNS. */
export interface RouteOutcome {
  /** Direct: the TCP connection. Through a proxy: the CONNECT tunnel. Absent: not tried. */
  link?: Probe<Link>;
  tls?: Probe<TlsFacts>;
}

function asProbeError(err: unknown): ProbeError {
  if (err instanceof ProbeError) return err;
  const code = (err as { code?: unknown } | null)?.code;
  return new ProbeError(
    typeof code === 'string' ? code : 'UNKNOWN',
    err instanceof Error ? err.message : String(err),
  );
}

/** Runs `work`, keeping its error as a value. */
export async function probe<T>(work: () => Promise<T>): Promise<Probe<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: asProbeError(err) };
  }
}

/** Looks the host name up, timed. */
export function probeDns(
  host: string,
  ms: number,
  now: () => number,
): Promise<Probe<{ addresses: string[]; ms: number }>> {
  return probe(async () => {
    const started = now();
    const addresses = await lookup(host, ms);
    return { addresses, ms: now() - started };
  });
}

/** The target of the route probes. */
export interface RouteTarget {
  host: string;
  port: number;
  caPems: string[];
  /** The first address DNS gave, for the direct route. */
  address?: string;
}

/** Opens the route (direct or through `choice.url`) and inspects the handshake at its end. */
export async function probeRoute(
  target: RouteTarget,
  choice: ProxyChoice,
  ms: number,
  now: () => number,
): Promise<RouteOutcome> {
  if (choice.url) {
    const via = proxyAddress(choice.url);
    const tunnel = await probe(() =>
      handshakeViaProxy(choice.url as URL, target, target.caPems, ms),
    );
    if (tunnel.ok) {
      const { tunnelMs, facts } = tunnel.value;
      facts.socket.destroy();
      return {
        link: { ok: true, value: { address: target.host, via, ms: tunnelMs } },
        tls: { ok: true, value: facts },
      };
    }
    // Status 200: the proxy let the tunnel through and the handshake inside it failed.
    if (tunnel.error.proxyStatus === 200)
      return { link: { ok: true, value: { address: target.host, via } }, tls: tunnel };
    return { link: tunnel };
  }
  if (target.address === undefined) return {};
  const address = target.address;
  const started = now();
  const socket = await probe(() => connectTcp(address, target.port, ms));
  if (!socket.ok) return { link: socket };
  const link: Probe<Link> = { ok: true, value: { address, ms: now() - started } };
  const tls = await probe(() => handshake(socket.value, target.host, target.caPems, ms));
  if (tls.ok) tls.value.socket.destroy();
  else socket.value.destroy();
  return { link, tls };
}
