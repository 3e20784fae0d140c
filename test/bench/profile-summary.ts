/**
 * Where the CPU of a V8 CPU profile goes: self time by package (node_modules/<pkg>, the project's
 * folders, node: internals, GC, idle) and the top functions. For the profiles `BENCH_PROFILE_DIR`
 * makes (host-bench.ts) or `node --cpu-prof` makes of any bench; BENCHMARKS.md cites its output.
 * Usage: tsx test/bench/profile-summary.ts <file.cpuprofile | folder> [top=15]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The bucket of a frame: a package, a project folder, a Node internal, or V8's own. */
export function bucketOf(url: string, functionName: string): string {
  if (url === '') return `(${functionName || 'anonymous'})`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  if (url.startsWith('node:')) return url.split('/')[0] ?? url;
  const project = /\/work\/[^/]+\/([^/]+\/[^/]+)/.exec(url) ?? /([^/]+\/[^/]+)$/.exec(url);
  return project?.[1] ?? url;
}

/** Self time (ms) per bucket and per function of one profile. */
export function summarize(profile: Profile): {
  totalMs: number;
  buckets: Map<string, number>;
  functions: Map<string, number>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const buckets = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const { url, functionName, lineNumber } = node.callFrame;
    const bucket = bucketOf(url, functionName);
    totalMs += ms;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + ms);
    const fn =
      `${functionName || '(anonymous)'} ${url ? `${bucket}:${lineNumber + 1}` : ''}`.trim();
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
  });
  return { totalMs, buckets, functions };
}

function files(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { recursive: true })
    .map((f) => join(path, String(f)))
    .filter((f) => f.endsWith('.cpuprofile'));
}

function print(file: string, top: number): void {
  const { totalMs, buckets, functions } = summarize(
    JSON.parse(readFileSync(file, 'utf8')) as Profile,
  );
  const busy = totalMs - (buckets.get('(idle)') ?? 0);
  console.log(`${file}: ${totalMs.toFixed(0)} ms sampled, ${busy.toFixed(0)} ms not idle`);
  const rows = (m: Map<string, number>) =>
    [...m.entries()]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top);
  for (const [k, ms] of rows(buckets))
    console.log(
      `  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${k}`,
    );
  console.log('  top functions (self time):');
  for (const [k, ms] of rows(functions))
    console.log(
      `  ${((100 * ms) / busy).toFixed(1).padStart(5)}%  ${ms.toFixed(0).padStart(6)} ms  ${k}`,
    );
}

if (process.argv[1] === import.meta.filename) {
  const [path, topArg] = process.argv.slice(2);
  if (!path) {
    console.error('usage: profile-summary.ts <file.cpuprofile | folder> [top]');
    process.exit(2);
  }
  for (const f of files(path)) print(f, Number(topArg ?? 15));
}
