import { describe, expect, it } from 'vitest';
import {
  benchUserCount,
  hostBenchOptions,
  MAX_LOGINS_PER_CORE_SEC,
} from '../../bench/host-bench.js';

// The host bench seeds one user per sign-in (a TOTP code is accepted once per user and step). A run
// on a quiet machine once signed in faster than the seeding assumed and its storm ran out of users.
describe('bench:host seeds enough users for every phase', () => {
  const opts = hostBenchOptions({});

  it('covers the closed loop at the highest rate any host could reach, not only BENCH_MAX_LOGINS', () => {
    const cores = 2;
    const rate = cores * MAX_LOGINS_PER_CORE_SEC;
    const closedAtMost = (opts.seconds + 1) * rate; // the rounds plus the warm-up
    const openAtMost = opts.loadRounds * opts.loadSeconds * rate;
    expect(benchUserCount(opts, cores)).toBeGreaterThanOrEqual(
      closedAtMost + openAtMost + opts.stormUsers,
    );
    // 4,650 closed-loop sign-ins (150/s for 31 s) plus the load rounds and the storm of that run:
    expect(benchUserCount(opts, cores)).toBeGreaterThan(4650 + 6 * 4 * 0.8 * 210 + 1000);
  });

  it('grows with the cores and keeps BENCH_MAX_LOGINS as a floor', () => {
    expect(benchUserCount(opts, 8)).toBeGreaterThan(benchUserCount(opts, 2));
    const few = { ...opts, seconds: 1, loadRounds: 0, stormUsers: 0, maxLogins: 5000 };
    expect(benchUserCount(few, 2)).toBe(5000);
  });
});
