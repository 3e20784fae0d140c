// What a support bundle gathers from disk: the log files (redacted again, line by line, since a
// log written by an older version or another tool may hold what ours never writes) and the newest
// crash dumps, each within a size budget so the bundle stays small enough to email.
import fs from 'node:fs/promises';
import path from 'node:path';
import { cleanValue } from './report.js';

/** A file for the zip: its name inside the zip and its bytes. */
export interface BundleEntry {
  name: string;
  data: Uint8Array;
}

/** A file left out, and why, for the manifest. */
export interface Omitted {
  name: string;
  reason: string;
}

/** Budgets: logs are 6 files of 1 MiB at most (logger.ts), dumps are usually well under 1 MiB. */
export const BUNDLE_LIMITS = {
  logBytes: 8 * 1024 * 1024,
  dumpBytes: 5 * 1024 * 1024,
  dumps: 3,
  dumpTotalBytes: 10 * 1024 * 1024,
} as const;

const LOG_NAME = /^[\w.-]+\.log$/;

/** `main.log` first, then `main.1.log`, `main.2.log` …: newest first. */
function logOrder(a: string, b: string): number {
  const n = (f: string) => Number(/\.(\d+)\.log$/.exec(f)?.[1] ?? 0);
  return n(a) - n(b) || a.localeCompare(b);
}

async function regularFiles(dir: string, depth: number): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const full = path.join(dir, e.name);
    // Links are not followed: a link could point anywhere on the machine.
    if (e.isFile()) out.push(full);
    else if (e.isDirectory() && depth > 0) out.push(...(await regularFiles(full, depth - 1)));
  }
  return out;
}

/** The log files of `dir`, redacted, newest first, within the budget. */
export async function logEntries(
  dir: string | undefined,
): Promise<{ entries: BundleEntry[]; omitted: Omitted[] }> {
  const entries: BundleEntry[] = [];
  const omitted: Omitted[] = [];
  if (!dir) return { entries, omitted };
  const files = (await regularFiles(dir, 0))
    .filter((f) => LOG_NAME.test(path.basename(f)))
    .sort((a, b) => logOrder(path.basename(a), path.basename(b)));
  let left: number = BUNDLE_LIMITS.logBytes;
  for (const file of files) {
    const name = `logs/${path.basename(file)}`;
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      omitted.push({ name, reason: 'could not be read' });
      continue;
    }
    const clean = Buffer.from(text.split('\n').map(cleanValue).join('\n'), 'utf8');
    if (clean.length > left) {
      omitted.push({ name, reason: `over the ${BUNDLE_LIMITS.logBytes} byte budget for logs` });
      continue;
    }
    left -= clean.length;
    entries.push({ name, data: clean });
  }
  return { entries, omitted };
}

/** The newest `*.dmp` files under `dir` (Crashpad keeps them in subfolders), within the budget. */
export async function dumpEntries(
  dir: string | undefined,
): Promise<{ entries: BundleEntry[]; omitted: Omitted[] }> {
  const entries: BundleEntry[] = [];
  const omitted: Omitted[] = [];
  if (!dir) return { entries, omitted };
  const found = await Promise.all(
    (await regularFiles(dir, 3))
      .filter((f) => f.toLowerCase().endsWith('.dmp'))
      .map(async (f) => ({ f, stat: await fs.stat(f).catch(() => undefined) })),
  );
  const newest = found
    .filter((x): x is { f: string; stat: NonNullable<typeof x.stat> } => x.stat !== undefined)
    .sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs)
    .slice(0, BUNDLE_LIMITS.dumps);
  let left: number = BUNDLE_LIMITS.dumpTotalBytes;
  for (const { f, stat } of newest) {
    const name = `crash-dumps/${path.basename(f)}`;
    if (stat.size > BUNDLE_LIMITS.dumpBytes || stat.size > left) {
      omitted.push({ name, reason: `${stat.size} bytes, over the size limit for crash dumps` });
      continue;
    }
    const data = await fs.readFile(f).catch(() => undefined);
    if (!data) {
      omitted.push({ name, reason: 'could not be read' });
      continue;
    }
    left -= data.length;
    entries.push({ name, data });
  }
  return { entries, omitted };
}
