import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryFile, type HistoryEntry } from '../../../shared/bridge.js';
import { writeFileAtomically } from '../config/atomic-file.js';
import { createLogger, LOG_FILE_NAME, type Logger } from '../logging/logger.js';
import { HISTORY_FILE, HistoryStore } from './history-store.js';

let dir: string;
let path: string;
let log: Logger;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ccms-history-'));
  path = join(dir, HISTORY_FILE);
  log = createLogger({ dir: join(dir, 'logs'), level: 'info' });
});
const opened: HistoryStore[] = [];
afterEach(async () => {
  // A store writes in the background: let it finish before its folder goes.
  await Promise.all(opened.splice(0).map((s) => s.flush()));
  await rm(dir, { recursive: true, force: true });
});

const T0 = Date.parse('2026-12-01T08:00:00.000Z');
async function open(over: { maxEntries?: number; maxBytes?: number } = {}) {
  const store = await HistoryStore.open({ path, log, now: () => T0, ...over });
  opened.push(store);
  return store;
}

/** The n-th sign-in of the day, one minute apart. */
function signIn(n: number, userId = 'C00101'): HistoryEntry {
  return {
    kind: 'signedIn',
    at: new Date(T0 + n * 60_000).toISOString(),
    userId,
    environment: 'simulator',
    channel: 'totp',
  };
}

async function onDisk(): Promise<HistoryEntry[]> {
  return HistoryFile.parse(JSON.parse(await readFile(path, 'utf8'))).entries;
}
const logText = () => readFile(join(dir, 'logs', LOG_FILE_NAME), 'utf8');

describe('workstation history store', () => {
  it('starts empty without a file, and keeps what is appended across a restart', async () => {
    const store = await open();
    expect(store.entries()).toEqual([]);
    store.append(signIn(1));
    store.append(signIn(2, 'C00102'));
    await store.flush();
    const again = await open();
    expect(again.entries().map((e) => e.at)).toEqual([signIn(2).at, signIn(1).at]); // newest first
    expect(await onDisk()).toEqual([signIn(1), signIn(2, 'C00102')]);
  });

  it('keeps at most maxEntries, dropping the oldest, in memory and on disk', async () => {
    const store = await open({ maxEntries: 5 });
    for (let n = 1; n <= 12; n++) store.append(signIn(n));
    await store.flush();
    expect(store.entries().map((e) => e.at)).toEqual([12, 11, 10, 9, 8].map((n) => signIn(n).at));
    expect((await onDisk()).map((e) => e.at)).toEqual([8, 9, 10, 11, 12].map((n) => signIn(n).at));
  });

  it('never lets the file grow past maxBytes: the oldest entries go', async () => {
    const maxBytes = 2_000;
    const store = await open({ maxBytes });
    for (let n = 1; n <= 100; n++) store.append(signIn(n));
    await store.flush();
    const size = (await stat(path)).size;
    expect(size).toBeLessThanOrEqual(maxBytes);
    expect(size).toBeGreaterThan(maxBytes - 200); // full, not emptied
    const kept = await onDisk();
    expect(kept.at(-1)).toEqual(signIn(100));
    expect(kept.length).toBeLessThan(100);
    expect(store.entries().length).toBe(kept.length);
  });

  it('trims a file written with larger bounds to the current ones when it is opened', async () => {
    const big = await open({ maxEntries: 10 });
    for (let n = 1; n <= 10; n++) big.append(signIn(n));
    await big.flush();
    const small = await open({ maxEntries: 3 });
    await small.flush();
    expect((await onDisk()).map((e) => e.at)).toEqual([8, 9, 10].map((n) => signIn(n).at));
  });

  it('appending does not wait for the disk: the entry is listed at once, on disk after flush', async () => {
    const store = await open();
    store.append(signIn(1));
    expect(store.entries()).toEqual([signIn(1)]);
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    await store.flush();
    expect(await onDisk()).toEqual([signIn(1)]);
  });

  it('entries appended while a write is under way all reach the disk', async () => {
    const store = await open();
    store.append(signIn(1));
    await new Promise((r) => setImmediate(r)); // the first write has started
    for (let n = 2; n <= 20; n++) store.append(signIn(n));
    await store.flush();
    expect((await onDisk()).length).toBe(20);
  });

  it('sets a file that is not JSON aside (renamed, content kept) and begins a new history', async () => {
    await writeFile(path, '{"format":"ccms-terminal-history/1","entries":[{"kind":');
    const store = await open();
    expect(store.entries()).toEqual([
      { kind: 'historyRestarted', at: new Date(T0).toISOString(), cause: 'unreadable' },
    ]);
    await store.flush();
    const aside = (await readdir(dir)).filter((f) => f.startsWith(`${HISTORY_FILE}.unreadable-`));
    expect(aside).toHaveLength(1);
    expect(await readFile(join(dir, aside[0] ?? ''), 'utf8')).toContain('"entries":[{"kind":');
    expect((await onDisk()).map((e) => e.kind)).toEqual(['historyRestarted']);
    expect(await logText()).toMatch(/workstation history: .* is not valid JSON; set aside/);
  });

  it('sets aside a file whose entries break the format (an extra field), rather than trust it', async () => {
    await writeFile(
      path,
      JSON.stringify({
        format: 'ccms-terminal-history/1',
        entries: [{ ...signIn(1), password: 'Demo-Pass-101!' }],
      }),
    );
    const store = await open();
    expect(store.entries().map((e) => e.kind)).toEqual(['historyRestarted']);
    expect(await logText()).toMatch(/breaks the history format \(entries\.0/);
    expect(await logText()).not.toContain('Demo-Pass-101!');
  });

  it('sets aside a file larger than the bound without reading it', async () => {
    await writeFile(path, 'x'.repeat(3_000));
    const store = await open({ maxBytes: 2_000 });
    expect(store.entries()).toEqual([
      { kind: 'historyRestarted', at: new Date(T0).toISOString(), cause: 'tooLarge' },
    ]);
    const aside = (await readdir(dir)).filter((f) => f.startsWith(`${HISTORY_FILE}.tooLarge-`));
    expect(aside).toHaveLength(1);
    expect(await logText()).toMatch(/is 3000 bytes; set aside/);
  });

  it('a path that cannot be read (a folder) still opens: a warning, a new history in memory', async () => {
    await mkdir(path);
    await writeFile(join(path, 'inside'), 'x');
    const store = await open();
    expect(store.entries().map((e) => e.kind)).toEqual(['historyRestarted']);
  });

  it('drops an entry that breaks the contract (a secret in an extra field) with a warning', async () => {
    const store = await open();
    const bad = { ...signIn(1), otp: '123456' } as unknown as HistoryEntry;
    store.append(bad);
    store.append(signIn(2));
    await store.flush();
    expect(await onDisk()).toEqual([signIn(2)]);
    const text = await readFile(path, 'utf8');
    expect(text).not.toContain('123456');
    expect(await logText()).toContain('an entry breaks the contract; not kept');
    expect(await logText()).not.toContain('123456');
  });

  it('fault: the disk refuses the write (an injected failing writer): entries kept, retried on flush', async () => {
    let fail = true;
    const store = await HistoryStore.open({
      path,
      log,
      now: () => T0,
      write: async (p, text) => {
        if (fail) throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
        await writeFileAtomically(p, text);
      },
    });
    store.append(signIn(1));
    await store.flush();
    await expect(stat(path)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await logText()).toMatch(/could not be written.*ENOSPC/s);
    expect(store.entries()).toEqual([signIn(1)]);
    fail = false;
    await store.flush();
    expect(await onDisk()).toEqual([signIn(1)]);
  });
});

describe('atomic write', () => {
  it('replaces the file whole and leaves no temporary file', async () => {
    await writeFileAtomically(path, 'old\n');
    await writeFileAtomically(path, 'new\n');
    expect(await readFile(path, 'utf8')).toBe('new\n');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('a rename that fails leaves the old content in place and no temporary file', async () => {
    await mkdir(path); // a folder where the file should be: the rename over it fails
    await writeFile(join(path, 'old'), 'old');
    await expect(writeFileAtomically(path, 'new\n')).rejects.toThrow();
    expect(await readFile(join(path, 'old'), 'utf8')).toBe('old');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
