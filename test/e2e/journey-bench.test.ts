// Smoke test of the journey benchmark (test/bench/journey-bench.ts): one run of each journey at
// a fast pace completes through the real terminal and simulator, and the figures have the shape
// run-all.ts reports. No timed assertion: the times are the benchmark's, not a test's.
import { describe, expect, it } from 'vitest';
import { FAST_PACE, journeyFigures, runJourneys } from '../bench/journey-bench.js';

describe('journey benchmark (smoke, one fast run)', () => {
  it('walks the 2FA initialization and the daily sign-in and reports each with its split', async () => {
    const timings = await runJourneys(1, FAST_PACE, () => undefined);
    expect(timings.init).toHaveLength(1);
    expect(timings.signIn).toHaveLength(1);
    for (const t of [...timings.init, ...timings.signIn]) {
      expect(t.totalMs).toBeGreaterThan(0);
      expect(t.terminalMs).toBeGreaterThan(0);
      expect(t.userMs).toBeGreaterThanOrEqual(0);
      // The split never claims more than the wall time.
      expect(t.userMs + t.terminalMs).toBeLessThanOrEqual(t.totalMs + 1);
    }
    const figures = journeyFigures(timings, FAST_PACE);
    expect(figures.map((f) => [f.id, f.unit, f.runs.length])).toEqual([
      ['journey-2fa-init', 's', 1],
      ['journey-2fa-init-terminal', 's', 1],
      ['journey-daily-sign-in', 's', 1],
      ['journey-daily-sign-in-terminal', 's', 1],
    ]);
    expect(figures[0]?.goal).toEqual({ op: '<=', value: 120 });
    expect(figures[2]?.goal).toEqual({ op: '<=', value: 15 });
    for (const f of figures) expect(['pass', 'fail', 'reported']).toContain(f.status);
    expect(figures[0]?.details).toMatchObject({
      userSecMedian: expect.any(Number),
      terminalSecMedian: expect.any(Number),
      terminalSharePct: expect.any(Number),
    });
  });
});
