/**
 * `npm run bench` (after `vite build`): every benchmark figure, each bench in a fresh child process
 * (tsx), one after the other so they do not load the cores together. Writes bench/results.json
 * (every figure with its goal, unit, runs, min/median/max and status, and the machine) and
 * replaces the generated part of BENCHMARKS.md (between its markers; the hand-written text
 * around it stays). Prints progress and a final table. Never part of `npm test`.
 * BENCH_ONLY=host,renderer,…: run only those steps; the others' rows keep their figures from the
 * last bench/results.json, each noted with that run's date and commit ("not available" if none).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { format, resolveConfig } from 'prettier';
import { figure, fmt, unmeasured, type Figure, type FigureInput } from './figures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const BENCH_DIR = join(ROOT, 'test', 'bench');
const RESULTS = join(ROOT, 'bench', 'results.json');
const REPORT = join(ROOT, 'BENCHMARKS.md');
export const BEGIN = '<!-- bench:generated:begin (npm run bench replaces this part) -->';
export const END = '<!-- bench:generated:end -->';

/** A bench of this folder that writes its figures with `--json`, or a script we parse. */
interface Step {
  key: string;
  file: string;
  timeoutSec: number;
  /** Parses the output of a script that does not take `--json`. */
  parse?: (stdout: string) => Figure[];
}

/** Each row of the table, in its order, with what it says when its bench gave nothing. */
type Row = Omit<FigureInput, 'runs' | 'value'> & { step: string };
const ROWS: Row[] = [
  {
    step: 'host',
    id: 'host-login-ratio',
    name: 'host full logins/s (password + TOTP over HTTPS) vs argon2id verifies/s, same cores, same run',
    goalText: '≥ 0.85',
    goal: { op: '>=', value: 0.85 },
    unit: 'ratio',
  },
  {
    step: 'host',
    id: 'host-login-p99-at-80',
    name: 'p99 of a full login at 80% of that limit (open loop)',
    goalText: 'p99 < 1 s',
    goal: { op: '<', value: 1000 },
    unit: 'ms',
  },
  {
    step: 'host',
    id: 'host-login-p50-at-80',
    name: 'p50 of a full login at 80% of that limit (open loop)',
    goalText: 'reported',
    unit: 'ms',
  },
  {
    step: 'host',
    id: 'storm-errors',
    name: 'morning storm: 1,000 distinct users sign in within 60 s: errors',
    goalText: '0 errors',
    goal: { op: '==', value: 0 },
    unit: 'errors',
  },
  {
    step: 'host',
    id: 'storm-p99',
    name: 'morning storm: p99 of a full login (p50 in details)',
    goalText: 'reported',
    unit: 'ms',
  },
  {
    step: 'overhead',
    id: 'client-overhead',
    name: 'client overhead: a full sign-in through the core and the bridge (WebSocket in browser mode) vs the same two host calls made directly',
    goalText: '≤ 1.15',
    goal: { op: '<=', value: 1.15 },
    unit: 'ratio',
  },
  {
    step: 'renderer',
    id: 'felt-click-to-otp',
    name: 'sign-in as the user feels it: click "Sign in" to the OTP prompt, headless Chromium',
    goalText: 'median reported',
    unit: 'ms',
  },
  {
    step: 'renderer',
    id: 'felt-code-to-home',
    name: 'sign-in as the user feels it: the sixth digit typed to the terminal home, headless Chromium',
    goalText: 'median reported',
    unit: 'ms',
  },
  {
    step: 'renderer',
    id: 'initial-js-gzip',
    name: 'initial JavaScript of the login window, gzip',
    goalText: '≤ 150 KB',
    goal: { op: '<=', value: 150 },
    unit: 'KB',
  },
  {
    step: 'renderer',
    id: 'lazy-js-gzip',
    name: 'lazy JavaScript chunks (loaded after the login window), gzip',
    goalText: 'reported apart',
    unit: 'KB',
  },
  {
    step: 'renderer',
    id: 'navigation-to-login',
    name: 'navigation to an interactive login form, headless Chromium, 20 runs',
    goalText: 'median ≤ 300 ms',
    goal: { op: '<=', value: 300 },
    unit: 'ms',
  },
  {
    step: 'renderer',
    id: 'renderer-heap',
    name: 'renderer JS heap after sign-in (used, after a forced GC)',
    goalText: 'reported',
    unit: 'MB',
  },
  {
    step: 'startup',
    id: 'core-startup-time',
    name: 'core start-up in Node (load of the bundled core to createCore resolved)',
    goalText: '≤ 150 ms',
    goal: { op: '<=', value: 150 },
    unit: 'ms',
  },
  {
    step: 'startup',
    id: 'core-startup-rss',
    name: 'core start-up: resident memory when createCore resolved',
    goalText: '≤ 80 MB',
    goal: { op: '<=', value: 80 },
    unit: 'MB',
  },
  {
    step: 'totp',
    id: 'totp-verify-p99',
    name: "TOTP verification with the replay check (the simulator's acceptTotp)",
    goalText: 'p99 ≤ 2 ms',
    goal: { op: '<=', value: 2 },
    unit: 'ms',
  },
  {
    step: 'durable',
    id: 'durable-writes',
    name: 'durable security writes per second (failure count, used step) at the synchronous level the host uses',
    goalText: '≥ 1,000/s',
    goal: { op: '>=', value: 1000 },
    unit: 'writes/s',
  },
  {
    step: 'journey',
    id: 'journey-2fa-init',
    name: 'human-pace journey: 2FA initialization',
    goalText: '≤ 120 s',
    goal: { op: '<=', value: 120 },
    unit: 's',
  },
  {
    step: 'journey',
    id: 'journey-2fa-init-terminal',
    name: "human-pace journey: 2FA initialization, the terminal's own share (waiting for it)",
    goalText: 'reported',
    unit: 's',
  },
  {
    step: 'journey',
    id: 'journey-daily-sign-in',
    name: 'human-pace journey: daily sign-in',
    goalText: '≤ 15 s',
    goal: { op: '<=', value: 15 },
    unit: 's',
  },
  {
    step: 'journey',
    id: 'journey-daily-sign-in-terminal',
    name: "human-pace journey: daily sign-in, the terminal's own share (waiting for it)",
    goalText: 'reported',
    unit: 's',
  },
];

/**
 * test/bench/durable-writes.ts (its own author's): the figure from its last JSON line
 * `{"figure":"durable-writes","perSec":N,…}` when it prints one, else from its summary line
 * "host's level with N writers: X/s", with each case's line kept as a detail.
 */
export function parseDurableWrites(stdout: string): Figure[] {
  const row = ROWS.find((r) => r.id === 'durable-writes') as Row;
  const lines = stdout.split('\n').map((l) => l.trim());
  for (const line of [...lines].reverse()) {
    if (!line.startsWith('{')) continue;
    try {
      const j = JSON.parse(line) as Record<string, unknown>;
      if (j.figure !== 'durable-writes' || typeof j.perSec !== 'number') continue;
      const runs = Array.isArray(j.runs) ? j.runs.filter((v) => typeof v === 'number') : [];
      const details: Record<string, number | string> = {};
      for (const [k, v] of Object.entries(j))
        if (k !== 'figure' && k !== 'runs' && (typeof v === 'number' || typeof v === 'string'))
          details[k] = v;
      return [
        figure({
          ...row,
          runs: runs.length > 0 ? runs : [j.perSec],
          value: j.perSec,
          valueIs: "the script's own figure (its JSON line)",
          details,
        }),
      ];
    } catch {
      // not a JSON line after all
    }
  }
  const summary = /host's level with (\d+) writers: ([\d.]+)\/s/.exec(stdout);
  if (!summary) return [];
  const details: Record<string, number | string> = {};
  for (const m of stdout.matchAll(
    /^\s+(\S+)\s+(failure count|used TOTP step)\s+writers\s+(\d+):\s+(\d+)\/s/gm,
  ))
    details[`${m[1]} ${m[2]} ${m[3]} writers /s`] = Number(m[4]);
  const mode = /the host's default: (\S+)/.exec(stdout)?.[1];
  if (mode) details.hostLevel = mode;
  return [
    figure({
      ...row,
      runs: [Number(summary[2])],
      value: Number(summary[2]),
      valueIs: `the slower of the two writes at the host's level with ${summary[1]} concurrent writers, one run of each (parsed from the script's summary line)`,
      details,
    }),
  ];
}

const STEPS: Step[] = [
  { key: 'startup', file: 'core-startup.ts', timeoutSec: 180 },
  { key: 'totp', file: 'totp-verify.ts', timeoutSec: 120 },
  { key: 'overhead', file: 'client-overhead.ts', timeoutSec: 180 },
  { key: 'renderer', file: 'renderer-bench.ts', timeoutSec: 300 },
  { key: 'host', file: 'host-bench.ts', timeoutSec: 360 },
  { key: 'durable', file: 'durable-writes.ts', timeoutSec: 180, parse: parseDurableWrites },
  // JOURNEY_RUNS (default 3) runs of each journey at human pace, about a minute per pair.
  { key: 'journey', file: 'journey-bench.ts', timeoutSec: 900 },
];

/** Runs one step in a child process, its lines prefixed; resolves with its figures or an error. */
function runStep(step: Step): Promise<{ figures: Figure[]; error?: string; seconds: number }> {
  const file = join(BENCH_DIR, step.file);
  const start = performance.now();
  const seconds = () => (performance.now() - start) / 1000;
  if (!existsSync(file))
    return Promise.resolve({
      figures: [],
      error: `test/bench/${step.file} does not exist`,
      seconds: 0,
    });
  const tmp = mkdtempSync(join(tmpdir(), 'ccms-bench-run-'));
  const out = join(tmp, 'figures.json');
  const args = ['--import', 'tsx', file, ...(step.parse ? [] : ['--json', out])];
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let tail = '';
    const timer = setTimeout(() => child.kill('SIGTERM'), step.timeoutSec * 1000);
    const prefix = `[${step.key}]`;
    createInterface({ input: child.stdout }).on('line', (l) => {
      stdout += `${l}\n`;
      console.log(`${prefix} ${l}`);
    });
    createInterface({ input: child.stderr }).on('line', (l) => {
      tail = `${tail}\n${l}`.slice(-2000);
      console.error(`${prefix} ${l}`);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        if (code !== 0) {
          const why = signal
            ? `stopped by ${signal} (timeout ${step.timeoutSec} s?)`
            : `exit ${code}`;
          const last = tail.trim().split('\n').at(-1) ?? '';
          done({
            figures: [],
            error: `${step.file}: ${why}${last ? `: ${last}` : ''}`,
            seconds: seconds(),
          });
          return;
        }
        const figures = step.parse
          ? step.parse(stdout)
          : (JSON.parse(readFileSync(out, 'utf8')) as Figure[]);
        done({
          figures,
          ...(figures.length === 0 && {
            error: `${step.file} printed no figure this runner could read`,
          }),
          seconds: seconds(),
        });
      } catch (e) {
        done({ figures: [], error: `${step.file}: ${(e as Error).message}`, seconds: seconds() });
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });
  });
}

/** The machine the figures come from. */
function machine(startLoad: number[]): Record<string, string | number | number[]> {
  const git = (args: string[]): string => {
    try {
      return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  return {
    cpuModel: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
    node: process.version,
    os: `${type()} ${release()}`,
    date: new Date().toISOString(),
    loadAverage1mAtStart: Number((startLoad[0] ?? 0).toFixed(2)),
    loadAverage1mAtEnd: Number((loadavg()[0] ?? 0).toFixed(2)),
    commit: git(['describe', '--always', '--dirty']),
    note: 'a shared 2-core machine: other engineers run tests at the same time',
  };
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The generated part of BENCHMARKS.md: the machine, the table, and how each value is taken. */
export function renderTable(
  figures: readonly Figure[],
  m: Record<string, unknown>,
  totalSec: number,
): string {
  const lines: string[] = [
    `Generated by \`npm run bench\` on ${String(m.date)} in ${Math.round(totalSec)} s, commit \`${String(m.commit)}\`.`,
    '',
    `Machine: ${String(m.cpuModel)}, ${String(m.cores)} cores, ${String(m.memoryGiB)} GiB, Node ${String(m.node)}, ${String(m.os)}; ` +
      `load average ${String(m.loadAverage1mAtStart)} at the start, ${String(m.loadAverage1mAtEnd)} at the end. ` +
      'A shared 2-core machine with other engineers running tests at the same time: compare ratios and figures from one run, not absolute times across runs.',
    '',
    '| figure | goal | value | min / median / max | runs | status |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const f of figures) {
    const unit = f.unit === 'ratio' ? '' : ` ${f.unit}`;
    const value = f.value === undefined ? '—' : `${fmt(f.value)}${unit}`;
    const range =
      f.runs.length > 1 ? `${fmt(f.min)} / ${fmt(f.median)} / ${fmt(f.max)}${unit}` : '—';
    const status = f.status === 'pass' || f.status === 'fail' ? `**${f.status}**` : f.status;
    lines.push(
      `| ${cell(f.name)} | ${cell(f.goalText)} | ${value} | ${range} | ${f.runs.length} | ${status} |`,
    );
  }
  lines.push('', 'How each value is taken, and what else the run said:', '');
  for (const f of figures) {
    const said = [f.valueIs, ...(f.notes ?? [])].filter(Boolean).join('; ');
    lines.push(`- \`${f.id}\`: ${said}.`);
  }
  lines.push(
    '',
    'Every run, and more numbers per figure (`details`), are in `bench/results.json`.',
  );
  return lines.join('\n');
}

const NEW_REPORT = `# Benchmarks

Figures of \`npm run bench\` (test/bench/run-all.ts) against their goals. The part between the
markers is generated from \`bench/results.json\`; a rerun replaces only it.

${BEGIN}
${END}

## What the misses call for

(Written by hand after a run.)
`;

async function writeReport(generated: string): Promise<void> {
  const text = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : NEW_REPORT;
  const a = text.indexOf(BEGIN);
  const b = text.indexOf(END);
  const body =
    a >= 0 && b > a
      ? `${text.slice(0, a + BEGIN.length)}\n\n${generated}\n\n${text.slice(b)}`
      : `${text.trimEnd()}\n\n${BEGIN}\n\n${generated}\n\n${END}\n`;
  const options = (await resolveConfig(REPORT)) ?? {};
  writeFileSync(REPORT, await format(body, { ...options, filepath: REPORT }));
}

/** The figures of the last bench/results.json, with the run they came from; none if unreadable. */
export function previousFigures(text: string): Map<string, Figure> {
  const out = new Map<string, Figure>();
  try {
    const j = JSON.parse(text) as {
      figures?: unknown;
      machine?: { date?: unknown; commit?: unknown };
    };
    const from = `from the previous run (${String(j.machine?.date ?? 'date unknown')}, commit ${String(j.machine?.commit ?? 'unknown')}): not rerun (BENCH_ONLY)`;
    if (!Array.isArray(j.figures)) return out;
    for (const f of j.figures as Figure[]) {
      if (
        typeof f?.id !== 'string' ||
        f.status === 'not available' ||
        f.status === 'not measured yet'
      )
        continue;
      const notes = (f.notes ?? []).filter((n) => !n.startsWith('from the previous run'));
      out.set(f.id, { ...f, notes: [from, ...notes] });
    }
  } catch {
    // No previous results, or not JSON: those rows say "not available".
  }
  return out;
}

async function main(): Promise<void> {
  const startLoad = loadavg();
  const start = performance.now();
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const previous =
    only && existsSync(RESULTS) ? previousFigures(readFileSync(RESULTS, 'utf8')) : new Map();
  const got = new Map<string, Figure>();
  const stepErrors = new Map<string, string>();
  for (const step of STEPS) {
    if (only && !only.includes(step.key)) {
      stepErrors.set(step.key, 'not run (BENCH_ONLY)');
      continue;
    }
    console.log(`== ${step.key}: test/bench/${step.file}`);
    const r = await runStep(step);
    console.log(
      `== ${step.key}: ${r.figures.length} figures in ${r.seconds.toFixed(0)} s${r.error ? `; ${r.error}` : ''}`,
    );
    if (r.error) stepErrors.set(step.key, r.error);
    for (const f of r.figures) got.set(f.id, f);
  }
  const figures: Figure[] = ROWS.map(({ step, ...row }) => {
    const f = got.get(row.id);
    if (f) return f;
    const kept = only && !only.includes(step) ? previous.get(row.id) : undefined;
    if (kept) return kept;
    return unmeasured(row, 'not available', stepErrors.get(step) ?? `its bench gave no ${row.id}`);
  });
  const totalSec = (performance.now() - start) / 1000;
  const m = machine(startLoad);
  const results = {
    generatedBy: 'npm run bench (test/bench/run-all.ts)',
    durationSec: totalSec,
    machine: m,
    figures,
  };
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  const jsonOptions = (await resolveConfig(RESULTS)) ?? {};
  writeFileSync(
    RESULTS,
    await format(JSON.stringify(results), { ...jsonOptions, filepath: RESULTS }),
  );
  await writeReport(renderTable(figures, m, totalSec));

  console.log(
    `\nbench: ${Math.round(totalSec)} s on ${String(m.cpuModel)}, ${String(m.cores)} cores`,
  );
  const w = Math.max(...figures.map((f) => f.id.length));
  for (const f of figures) {
    const unit = f.unit === 'ratio' ? '' : ` ${f.unit}`;
    const range = f.runs.length > 1 ? ` [${fmt(f.min)} / ${fmt(f.median)} / ${fmt(f.max)}]` : '';
    console.log(
      `${f.status.padEnd(16)} ${f.id.padEnd(w)}  ${(f.value === undefined ? '—' : fmt(f.value) + unit).padStart(12)}${range}  goal ${f.goalText}`,
    );
  }
  console.log('written: bench/results.json, BENCHMARKS.md');
}

if (process.argv[1] === import.meta.filename) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
