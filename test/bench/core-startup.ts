/**
 * Core start-up in Node: from just before the core is loaded to `createCore` resolved, and the
 * process's resident memory then, each run in a fresh child process (no warm module cache).
 * The core is bundled first with esbuild as scripts/build-electron.ts bundles the main process
 * (its options: CommonJS, one file, the same native modules left external), since a bundle is what users run;
 * tsx's on-the-fly transpiling of the sources is reported beside it for comparison, not judged.
 * BENCH_STARTUP_RUNS (10) runs of the bundle, 3 of the sources through tsx.
 * `--json <file>`: the figures as JSON (run-all.ts).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleCore } from '../../scripts/build-electron.js';
import { emitFigures, figure, median, type Figure } from './figures.js';

const ROOT = resolve(import.meta.dirname, '../..');
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 10);
const TSX_RUNS = 3;
// Inside node_modules so the bundle's external requires (the keychain binding) resolve as they
// do beside the packaged main.cjs.
const OUT_DIR = join(ROOT, 'node_modules', '.cache', 'ccms-bench');

interface Sample {
  loadMs: number;
  readyMs: number;
  rssMB: number;
  heapUsedMB: number;
}

/**
 * The child: the clock starts before the core is loaded, stops when createCore resolves; RSS is
 * read then. `load` is a require of the bundle or an import of the sources.
 */
function childSource(load: string): string {
  return `
const t0 = process.hrtime.bigint();
const userDataDir = process.argv[2];
Promise.resolve(${load}).then(async ({ createCore }) => {
  const t1 = process.hrtime.bigint();
  const core = await createCore({
    mode: 'browser',
    appVersion: '0.0.0-bench',
    userDataDir,
    machinePolicyPath: userDataDir + '/no-policy.json',
  });
  const t2 = process.hrtime.bigint();
  const m = process.memoryUsage();
  process.stdout.write(JSON.stringify({
    loadMs: Number(t1 - t0) / 1e6,
    readyMs: Number(t2 - t0) / 1e6,
    rssMB: m.rss / 2 ** 20,
    heapUsedMB: m.heapUsed / 2 ** 20,
  }) + '\\n');
  await core.dispose();
  process.exit(0);
});
`;
}

function runChild(args: string[]): Promise<Sample> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'ccms-bench-core-'));
  return new Promise<Sample>((ok, fail) => {
    execFile(
      process.execPath,
      [...args, userDataDir],
      { cwd: ROOT, timeout: 60_000 },
      (err, stdout, stderr) => {
        rmSync(userDataDir, { recursive: true, force: true });
        if (err) return fail(new Error(`${err.message}\n${stderr}`));
        const line = stdout.trim().split('\n').at(-1) ?? '';
        ok(JSON.parse(line) as Sample);
      },
    );
  });
}

/** Bundles the core, runs the children, returns the two figures. */
export async function runCoreStartup(log: (line: string) => void = console.log): Promise<Figure[]> {
  mkdirSync(OUT_DIR, { recursive: true });
  const bundle = join(OUT_DIR, 'core.cjs');
  // The main bundle's own options (scripts/build-electron.ts), on the core's entry point; only
  // the target follows the Node that runs here.
  const result = await bundleCore(bundle);
  // Which packages make the bundle: the code every start-up parses (bytes in the output).
  const byPackage = new Map<string, number>();
  for (const [file, info] of Object.entries(result.metafile?.outputs ?? {})) {
    if (!file.endsWith('core.cjs')) continue;
    for (const [input, { bytesInOutput }] of Object.entries(info.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = m?.[1] ?? input.split('/').slice(0, 2).join('/');
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
  }
  const topPackages = [...byPackage.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
  const bareChild = join(OUT_DIR, 'core-startup-child-bare.cjs');
  writeFileSync(
    bareChild,
    childSource(`{ createCore: async () => ({ dispose: async () => {} }) }`),
  );
  const bundleChild = join(OUT_DIR, 'core-startup-child.cjs');
  writeFileSync(bundleChild, childSource(`require(${JSON.stringify(bundle)})`));
  const tsxChild = join(OUT_DIR, 'core-startup-child-tsx.mjs');
  const sources = join(ROOT, 'electron', 'core', 'index.ts');
  writeFileSync(tsxChild, childSource(`import(${JSON.stringify(sources)})`));

  const samples: Sample[] = [];
  await runChild([bundleChild]); // warm-up: the OS file cache, not measured
  for (let i = 0; i < RUNS; i++) samples.push(await runChild([bundleChild]));
  const bare: Sample[] = [];
  for (let i = 0; i < 3; i++) bare.push(await runChild([bareChild]));
  const tsxSamples: Sample[] = [];
  for (let i = 0; i < TSX_RUNS; i++) tsxSamples.push(await runChild(['--import', 'tsx', tsxChild]));
  const ready = samples.map((s) => s.readyMs);
  const rss = samples.map((s) => s.rssMB);
  log(
    `core start-up (bundle): ready median ${median(ready).toFixed(0)} ms (load ${median(samples.map((s) => s.loadMs)).toFixed(0)} ms), ` +
      `RSS median ${median(rss).toFixed(1)} MB; through tsx: ready median ${median(tsxSamples.map((s) => s.readyMs)).toFixed(0)} ms`,
  );
  const details = {
    loadMedianMs: median(samples.map((s) => s.loadMs)),
    heapUsedMedianMB: median(samples.map((s) => s.heapUsedMB)),
    tsxReadyMedianMs: median(tsxSamples.map((s) => s.readyMs)),
    tsxRssMedianMB: median(tsxSamples.map((s) => s.rssMB)),
    bareNodeRssMedianMB: median(bare.map((s) => s.rssMB)),
    bundleKB: [...byPackage.values()].reduce((a, b) => a + b, 0) / 1024,
    ...Object.fromEntries(topPackages.map(([k, v]) => [`bundleKB:${k}`, v / 1024])),
  };
  return [
    figure({
      id: 'core-startup-time',
      name: 'core start-up in Node (load of the bundled core to createCore resolved)',
      goalText: '≤ 150 ms',
      goal: { op: '<=', value: 150 },
      unit: 'ms',
      runs: ready,
      valueIs: `median of ${RUNS} fresh child processes (after one warm-up)`,
      details,
    }),
    figure({
      id: 'core-startup-rss',
      name: 'core start-up: resident memory when createCore resolved',
      goalText: '≤ 80 MB',
      goal: { op: '<=', value: 80 },
      unit: 'MB',
      runs: rss,
      valueIs: `median of ${RUNS} fresh child processes (the whole Node process's RSS)`,
      details: { bareNodeRssMedianMB: details.bareNodeRssMedianMB },
    }),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runCoreStartup().then(
    (figures) => emitFigures(figures),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
