// run-all.ts with BENCH_ONLY: the rows of steps not rerun keep the last results.json's figures,
// noted with that run, rather than turning "not available" (which would wipe BENCHMARKS.md).
import { describe, expect, it } from 'vitest';
import { previousFigures } from '../../bench/run-all.js';

const last = {
  machine: { date: '2026-12-01T11:13:10.096Z', commit: 'a1a3b4e' },
  figures: [
    {
      id: 'core-startup-time',
      name: 'core start-up',
      goalText: '≤ 150 ms',
      unit: 'ms',
      value: 139,
      runs: [139],
      status: 'pass',
      notes: ['from the previous run (2026-11-30, commit 0000000): not rerun (BENCH_ONLY)', 'kept'],
    },
    {
      id: 'journey-2fa-init',
      name: 'j',
      goalText: '≤ 120 s',
      unit: 's',
      runs: [],
      status: 'not measured yet',
    },
  ],
};

describe('run-all previousFigures', () => {
  it('keeps measured figures with one note naming the run they came from', () => {
    const kept = previousFigures(JSON.stringify(last));
    expect([...kept.keys()]).toEqual(['core-startup-time']);
    expect(kept.get('core-startup-time')).toMatchObject({
      value: 139,
      status: 'pass',
      notes: [
        'from the previous run (2026-12-01T11:13:10.096Z, commit a1a3b4e): not rerun (BENCH_ONLY)',
        'kept',
      ],
    });
  });

  it('keeps nothing from a file that is not results JSON', () => {
    expect(previousFigures('not json').size).toBe(0);
    expect(previousFigures('{"figures": 3}').size).toBe(0);
  });
});
