// What every benchmark of `npm run bench` returns: figures with their goal, the value judged
// against it, and the runs it came from. run-all.ts collects them into bench/results.json and the
// table of BENCHMARKS.md; each bench's CLI prints them, or writes them as JSON with `--json <file>`.
import { writeFileSync } from 'node:fs';

/** How a figure's value is compared with its goal. */
export type GoalOp = '>=' | '<=' | '<' | '==';

/** A goal with a number to judge against; absent for figures that are only reported. */
export interface Goal {
  op: GoalOp;
  value: number;
}

/** pass/fail against a goal; reported (no numeric goal); not measured or not available. */
export type FigureStatus = 'pass' | 'fail' | 'reported' | 'not measured yet' | 'not available';

/** One figure of the table. */
export interface Figure {
  /** Stable key (kebab-case), e.g. `host-login-ratio`. */
  id: string;
  /** What is measured, in the table's words. */
  name: string;
  /** The goal as written in the table ("≥ 0.85"), or "reported". */
  goalText: string;
  goal?: Goal;
  unit: string;
  /** The value judged against the goal (each figure says what it is: a median, a pooled p99…). */
  value?: number;
  /** How `value` is taken from the runs, e.g. "median of 5 rounds". */
  valueIs?: string;
  /** One value per run (round, batch, page load), in the order measured. */
  runs: number[];
  min?: number;
  median?: number;
  max?: number;
  status: FigureStatus;
  /** Other numbers worth keeping beside the figure (rates, CPU per login, counts). */
  details?: Record<string, number | string>;
  notes?: string[];
}

/** The p-th percentile (nearest rank) of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    NaN
  );
}

/** The median of any array (mean of the two middle values for an even count); NaN when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? NaN) : ((s[mid - 1] ?? NaN) + (s[mid] ?? NaN)) / 2;
}

/** Whether `value` meets `goal`. */
export function meets(value: number, goal: Goal): boolean {
  switch (goal.op) {
    case '>=':
      return value >= goal.value;
    case '<=':
      return value <= goal.value;
    case '<':
      return value < goal.value;
    case '==':
      return value === goal.value;
  }
}

/** What a bench says about one figure; `figure()` adds min/median/max and the status. */
export interface FigureInput {
  id: string;
  name: string;
  goalText: string;
  goal?: Goal;
  unit: string;
  runs: number[];
  /** Default: the median of the runs. */
  value?: number;
  valueIs?: string;
  details?: Record<string, number | string>;
  notes?: string[];
}

/** A measured figure: min/median/max of its runs, judged against its goal when it has one. */
export function figure(input: FigureInput): Figure {
  const runs = input.runs.filter((v) => Number.isFinite(v));
  const value = input.value ?? median(runs);
  const measured = Number.isFinite(value) && (runs.length > 0 || input.value !== undefined);
  const status: FigureStatus = !measured
    ? 'not available'
    : input.goal
      ? meets(value, input.goal)
        ? 'pass'
        : 'fail'
      : 'reported';
  return {
    id: input.id,
    name: input.name,
    goalText: input.goalText,
    ...(input.goal && { goal: input.goal }),
    unit: input.unit,
    ...(measured && { value }),
    valueIs: input.valueIs ?? `median of ${runs.length} run${runs.length === 1 ? '' : 's'}`,
    runs,
    ...(runs.length > 0 && {
      min: Math.min(...runs),
      median: median(runs),
      max: Math.max(...runs),
    }),
    status,
    ...(input.details && { details: input.details }),
    ...(input.notes && input.notes.length > 0 && { notes: input.notes }),
  };
}

/** A figure with no measurement (yet): the row stays in the table with its goal and the reason. */
export function unmeasured(
  input: Omit<FigureInput, 'runs' | 'value'>,
  status: 'not measured yet' | 'not available',
  reason: string,
): Figure {
  return {
    id: input.id,
    name: input.name,
    goalText: input.goalText,
    ...(input.goal && { goal: input.goal }),
    unit: input.unit,
    runs: [],
    status,
    notes: [reason, ...(input.notes ?? [])],
  };
}

/** A number for people: 3 significant digits at most, no exponent. */
export function fmt(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (Number.isInteger(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
}

/** One line per figure, for a bench's own CLI output. */
export function printFigures(figures: readonly Figure[]): void {
  for (const f of figures) {
    const range =
      f.runs.length > 1 ? ` (min ${fmt(f.min)}, median ${fmt(f.median)}, max ${fmt(f.max)})` : '';
    console.log(
      `  ${f.status.padEnd(8)} ${f.name}: ${fmt(f.value)} ${f.unit}${range}; goal ${f.goalText}`,
    );
  }
}

/**
 * The end of a bench's CLI: with `--json <file>` (how run-all.ts calls it) the figures are written
 * there; either way they are printed.
 */
export function emitFigures(figures: readonly Figure[], argv = process.argv): void {
  printFigures(figures);
  const at = argv.indexOf('--json');
  const file = at >= 0 ? argv[at + 1] : undefined;
  if (file) writeFileSync(file, JSON.stringify(figures));
}
