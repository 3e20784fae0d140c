import { describe, expect, it } from 'vitest';
import type { HostStatus } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import type { HealthReply } from '../../../shared/protocol.js';
import { ManualClock } from '../clock.js';
import { HostStatusMonitor } from './host-status-monitor.js';

const WINDOW = { startsAt: '2026-12-05T14:00:00.000Z', endsAt: '2026-12-05T15:30:00.000Z' };
const healthy: HealthReply = {
  status: 'ok',
  version: '1',
  environment: 'simulator',
  serverTime: '2026-12-01T00:00:00.000Z',
  maintenance: [WINDOW],
};
const flush = () => new Promise((r) => setTimeout(r, 0));

// FAULT: a host that stops answering (HOST_UNREACHABLE, as the host client reports a refused
// connection) and later answers again; the monitor's own code is real.
function setup() {
  const clock = new ManualClock(Date.parse('2026-12-01T00:00:00.000Z'));
  let down = false;
  const probes: number[] = [];
  const seen: HostStatus[] = [];
  let reconnected = 0;
  const monitor = new HostStatusMonitor({
    clock,
    health: async () => {
      probes.push(clock.now());
      if (down) throw new CcmsError('HOST_UNREACHABLE', 'connection refused');
      return healthy;
    },
    onChange: (s) => seen.push(s),
    onReconnected: async () => {
      reconnected++;
    },
  });
  return {
    clock,
    monitor,
    probes,
    seen,
    reconnects: () => reconnected,
    setDown: (d: boolean) => (down = d),
  };
}

async function advance(clock: ManualClock, ms: number) {
  clock.advance(ms);
  await flush();
}

describe('HostStatusMonitor', () => {
  it('reports ok with the announced maintenance, then probes once a minute', async () => {
    const t = setup();
    await t.monitor.probeNow();
    expect(t.monitor.status()).toEqual({ connection: 'ok', maintenance: [WINDOW] });
    await advance(t.clock, 59_999);
    expect(t.probes.length).toBe(1);
    await advance(t.clock, 1);
    expect(t.probes.length).toBe(2);
    expect(t.seen.length).toBe(1); // no change, no event
  });

  it('FAULT host stops answering: reconnecting at the next probe, retried with doubling backoff up to 30 s', async () => {
    const t = setup();
    await t.monitor.probeNow();
    t.setDown(true);
    await advance(t.clock, 60_000);
    expect(t.monitor.status()).toMatchObject({
      connection: 'reconnecting',
      lostAt: '2026-12-01T00:01:00.000Z',
      maintenance: [WINDOW],
    });
    const start = t.probes.length;
    for (let i = 0; i < 8; i++) await advance(t.clock, 1_000);
    // 2 s, then 4 s after it: two probes in 8 s, not eight (no hot loop).
    expect(t.probes.length - start).toBe(2);
    for (let i = 0; i < 120; i++) await advance(t.clock, 1_000);
    const gaps = t.probes.slice(-3).map((p, i, a) => (i ? p - a[i - 1]! : 0));
    expect(gaps.slice(1)).toEqual([30_000, 30_000]);
    expect(t.seen.filter((s) => s.connection === 'reconnecting').length).toBe(1);
  });

  it('FAULT host back: ok again, the session is checked once, and probing returns to once a minute', async () => {
    const t = setup();
    await t.monitor.probeNow();
    t.setDown(true);
    await advance(t.clock, 60_000);
    t.setDown(false);
    await advance(t.clock, 2_000);
    expect(t.monitor.status()).toEqual({ connection: 'ok', maintenance: [WINDOW] });
    expect(t.reconnects()).toBe(1);
    const n = t.probes.length;
    await advance(t.clock, 59_000);
    expect(t.probes.length).toBe(n);
  });

  it('a call that could not reach the host shows reconnecting at once; other errors do not', async () => {
    const t = setup();
    await t.monitor.probeNow();
    t.monitor.noteError(new CcmsError('OTP_INVALID', 'wrong'));
    expect(t.monitor.status().connection).toBe('ok');
    t.setDown(true);
    t.monitor.noteError(new CcmsError('HOST_TIMEOUT', 'no answer'));
    expect(t.monitor.status().connection).toBe('reconnecting');
  });

  it('a host that answers wrongly is not a lost connection', async () => {
    const clock = new ManualClock();
    const monitor = new HostStatusMonitor({
      clock,
      health: async () => {
        throw new CcmsError('BAD_HOST_REPLY', 'garbled');
      },
      onChange: () => undefined,
      onReconnected: async () => undefined,
    });
    await monitor.probeNow();
    expect(monitor.status().connection).toBe('unknown');
  });
});
