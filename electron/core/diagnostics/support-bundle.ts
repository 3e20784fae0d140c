// The support bundle: one zip the operator sends to the DCASS Hotline, saved beside the saved
// reports (diagnostics/ in the user data folder). It holds the redacted logs, the connectivity
// report, the policy in force, the versions, the newest crash dumps and a manifest of what is in
// it and what was left out. Built with fflate in small chunks so the main process keeps serving.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { Zip, ZipDeflate } from 'fflate';
import type { SupportBundleSaved } from '../../../shared/bridge.js';
import { CcmsError } from '../../../shared/errors.js';
import { dumpEntries, logEntries, type BundleEntry, type Omitted } from './bundle-files.js';
import { cleanValue } from './report.js';
import { saveNewFile } from '../files/saved-file.js';

/** What goes into a bundle besides the files on disk. */
export interface BundleInput {
  /** Where the zip is saved (the user data folder's diagnostics/). */
  dir: string;
  logDir?: string;
  crashDumpsDir?: string;
  /** The connectivity report, as text. */
  reportText: string;
  /** The policy in force with its source, as lines. */
  policyLines: string[];
  /** `Terminal version: …`, `Electron: …`, `OS: …` and the like. */
  versions: Record<string, string>;
  now: number;
}

const CHUNK = 256 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

/** Zips the entries, yielding to the event loop between chunks. */
async function zipEntries(entries: BundleEntry[], mtime: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((err, data, final) => {
    if (err) failure = err;
    else parts.push(data);
    if (final) finished = true;
  });
  for (const entry of entries) {
    const file = new ZipDeflate(entry.name, { level: 6 });
    file.mtime = mtime;
    zip.add(file);
    let at = 0;
    do {
      const end = Math.min(at + CHUNK, entry.data.length);
      file.push(entry.data.subarray(at, end), end === entry.data.length);
      at = end;
      await yieldToLoop();
    } while (at < entry.data.length);
  }
  zip.end();
  if (failure) throw failure;
  if (!finished) throw new Error('the zip did not complete');
  return Buffer.concat(parts);
}

function manifest(input: BundleInput, entries: BundleEntry[], omitted: Omitted[]): string {
  return `${JSON.stringify(
    {
      format: 'ccms-terminal-support-bundle/1',
      createdAt: new Date(input.now).toISOString(),
      versions: input.versions,
      files: entries.map((e) => ({ name: e.name, bytes: e.data.length })),
      omitted,
      note: 'Logs are redacted: no password, one-time password, token, TOTP secret or proxy sign-in.',
    },
    null,
    2,
  )}\n`;
}

/** Builds and saves the bundle under a new, timestamped name; returns where and what. */
export async function saveSupportBundle(input: BundleInput): Promise<SupportBundleSaved> {
  const logs = await logEntries(input.logDir);
  const dumps = await dumpEntries(input.crashDumpsDir);
  const versionText = Object.entries(input.versions)
    .map(([k, v]) => `${k}: ${cleanValue(v)}\n`)
    .join('');
  const entries: BundleEntry[] = [
    { name: 'connectivity-report.txt', data: text(cleanValue(input.reportText)) },
    { name: 'policy.txt', data: text(`${input.policyLines.map(cleanValue).join('\n')}\n`) },
    { name: 'versions.txt', data: text(versionText) },
    ...logs.entries,
    ...dumps.entries,
  ];
  const omitted = [...logs.omitted, ...dumps.omitted];
  entries.unshift({ name: 'manifest.json', data: text(manifest(input, entries, omitted)) });
  try {
    const zipped = await zipEntries(entries, input.now);
    const name = { prefix: 'ccms-support', ext: 'zip' };
    const file = await saveNewFile(input.dir, name, zipped, input.now);
    return { path: file, bytes: zipped.length, files: entries.map((e) => e.name) };
  } catch (err) {
    throw new CcmsError(
      'UNKNOWN',
      `the support bundle could not be saved in ${input.dir}: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}
