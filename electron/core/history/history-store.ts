// This workstation's history on disk: a bounded, append-only list of what happened here (the
// recorder, history-recorder.ts, decides what), kept in one JSON file written atomically like
// settings.json. Appending never waits for the disk: the write follows in the background and
// `flush` (on quit) waits for it. A file that cannot be used is set aside, never trusted, never a
// reason to stop a sign-in.
import { readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  HISTORY_MAX_BYTES,
  HISTORY_MAX_ENTRIES,
  HistoryEntry,
  HistoryFile,
} from '../../../shared/bridge.js';
import { writeFileAtomically } from '../config/atomic-file.js';
import type { Logger } from '../logging/logger.js';

/** The history file's name in its folder (the machine-local app data, electron/app-identity.ts). */
export const HISTORY_FILE = 'workstation-history.json';

/** The history file's path in a data folder. */
export function historyPath(dir: string): string {
  return join(dir, HISTORY_FILE);
}

/** Where the history lives and how much it keeps. */
export interface HistoryStoreOptions {
  path: string;
  log: Logger;
  /** Epoch ms now: stamps the set-aside file's name and the restart entry. */
  now(): number;
  maxEntries?: number;
  maxBytes?: number;
  /** How the file is replaced; a fault test passes one that fails. Default: atomically. */
  write?: (path: string, text: string) => Promise<void>;
}

const FORMAT = 'ccms-terminal-history/1';
const HEAD = `{"format":"${FORMAT}","entries":[\n`;
const TAIL = '\n]}\n';
const SEPARATOR = ',\n';

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** The bounded history: entries in memory (oldest first), the file kept in step behind them. */
export class HistoryStore {
  private readonly lines: string[] = [];
  private readonly list: HistoryEntry[] = [];
  private size = bytes(HEAD) + bytes(TAIL);
  private dirty = false;
  private writing: Promise<void> | null = null;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  private readonly write: (path: string, text: string) => Promise<void>;

  private constructor(private readonly opts: HistoryStoreOptions) {
    this.maxEntries = opts.maxEntries ?? HISTORY_MAX_ENTRIES;
    this.maxBytes = opts.maxBytes ?? HISTORY_MAX_BYTES;
    this.write = opts.write ?? writeFileAtomically;
  }

  /** Reads the file (setting aside one that cannot be used); never throws. */
  static async open(opts: HistoryStoreOptions): Promise<HistoryStore> {
    const store = new HistoryStore(opts);
    const loaded = await store.load();
    let trimmed = false;
    for (const entry of loaded.entries) trimmed = store.push(entry) || trimmed;
    if (loaded.setAside) {
      store.append({ kind: 'historyRestarted', at: iso(opts.now()), cause: loaded.setAside });
    } else if (trimmed) {
      store.schedule(); // tighter bounds than the file was written with: the file follows
    }
    return store;
  }

  /** The bounds this store keeps to. */
  bounds(): { maxEntries: number; maxBytes: number } {
    return { maxEntries: this.maxEntries, maxBytes: this.maxBytes };
  }

  /** Newest first. */
  entries(): HistoryEntry[] {
    return [...this.list].reverse();
  }

  /**
   * Adds an entry and starts writing in the background. An entry that breaks the contract is
   * dropped with a warning naming the rule, never the value (it may hold what was typed).
   */
  append(entry: HistoryEntry): void {
    const checked = HistoryEntry.safeParse(entry);
    if (!checked.success) {
      this.opts.log.warn('workstation history: an entry breaks the contract; not kept', {
        issues: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`),
      });
      return;
    }
    this.push(checked.data);
    this.schedule();
  }

  /** Resolves when what was appended so far is on disk (or its write failed and was logged). */
  async flush(): Promise<void> {
    if (this.writing) await this.writing;
    // A failed write left it dirty: one more try, as the app quits.
    if (this.dirty) {
      this.schedule();
      await this.writing;
    }
  }

  /** Keeps the entry and drops the oldest until both bounds hold. */
  private push(entry: HistoryEntry): boolean {
    const line = JSON.stringify(entry);
    this.lines.push(line);
    this.list.push(entry);
    this.size += bytes(line) + (this.lines.length > 1 ? bytes(SEPARATOR) : 0);
    let trimmed = false;
    while (
      this.lines.length > 0 &&
      (this.lines.length > this.maxEntries || this.size > this.maxBytes)
    ) {
      const dropped = this.lines.shift() ?? '';
      this.list.shift();
      this.size -= bytes(dropped) + (this.lines.length > 0 ? bytes(SEPARATOR) : 0);
      trimmed = true;
    }
    return trimmed;
  }

  private text(): string {
    return `${HEAD}${this.lines.join(SEPARATOR)}${TAIL}`;
  }

  private schedule(): void {
    this.dirty = true;
    this.writing ??= this.drain();
  }

  private async drain(): Promise<void> {
    // One turn of the event loop: the entries of one transition (and the sign-in's reply to the
    // renderer) go first, and a burst of appends becomes one write.
    await nextTurn();
    while (this.dirty) {
      this.dirty = false;
      try {
        await this.write(this.opts.path, this.text());
      } catch (err) {
        this.dirty = true;
        this.opts.log.warn('workstation history: the file could not be written', {
          path: this.opts.path,
          code: (err as NodeJS.ErrnoException).code ?? 'error',
        });
        break; // kept in memory; the next entry (or flush) tries again
      }
    }
    this.writing = null;
  }

  private async load(): Promise<{ entries: HistoryEntry[]; setAside?: 'unreadable' | 'tooLarge' }> {
    const { path } = this.opts;
    let size: number;
    try {
      size = (await stat(path)).size;
    } catch (err) {
      // No file (or no folder: ENOTDIR) is no history yet, not one to set aside.
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return { entries: [] };
      return this.setAside('unreadable', `cannot be read (${errCode(err)})`);
    }
    // The store never writes more than maxBytes: a bigger file is not its own; not even read.
    if (size > this.maxBytes) return this.setAside('tooLarge', `is ${size} bytes`);
    let raw: unknown;
    try {
      raw = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
    } catch (err) {
      const why =
        err instanceof SyntaxError ? 'is not valid JSON' : `cannot be read (${errCode(err)})`;
      return this.setAside('unreadable', why);
    }
    const parsed = HistoryFile.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first ? `${first.path.join('.') || '(file)'}: ${first.message}` : 'invalid';
      return this.setAside('unreadable', `breaks the history format (${where})`);
    }
    return { entries: parsed.data.entries };
  }

  /** Renames the file out of the way (kept for IT to look at) and starts a fresh history. */
  private async setAside(
    cause: 'unreadable' | 'tooLarge',
    why: string,
  ): Promise<{ entries: HistoryEntry[]; setAside: 'unreadable' | 'tooLarge' }> {
    const { path } = this.opts;
    const aside = `${path}.${cause}-${iso(this.opts.now()).replace(/[:.]/g, '-')}`;
    try {
      await rename(path, aside);
      this.opts.log.warn(`workstation history: ${path} ${why}; set aside, a new history begins`, {
        setAside: aside,
      });
    } catch (err) {
      this.opts.log.warn(
        `workstation history: ${path} ${why} and could not be set aside (${errCode(err)}); a new history begins`,
      );
    }
    return { entries: [], setAside: cause };
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function errCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? 'error';
}
