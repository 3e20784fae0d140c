import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { stmt, type Db } from './db.js';

/** A flush of a file descriptor to disk, as a promise (libuv's thread pool: off the event loop). */
export type Fsync = (fd: number) => Promise<void>;

/**
 * fdatasync, as SQLite itself syncs its WAL on Linux: the data and the metadata needed to read it
 * back (the file's size) reach the disk; only the modification time may lag. A full fsync also
 * journals the inode's new mtime on every commit, which cost the host bench CPU per login for no
 * durability the WAL needs (BENCHMARKS.md). On Windows libuv flushes the same way either call.
 */
export const dataSync: Fsync = (fd) =>
  new Promise((resolve, reject) => fdatasync(fd, (e) => (e ? reject(e) : resolve())));

/** How WalSyncer flushes: off the event loop, and (optionally) on it while flushes are quick. */
export interface Flushers {
  /** The flush on libuv's thread pool. */
  async: Fsync;
  /** The same flush on the calling thread; without it every flush goes to the pool. */
  sync?: (fd: number) => void;
  /** A monotonic clock in ms (tests give a fake one). */
  now?: () => number;
}

const DEFAULT_FLUSHERS: Flushers = {
  async: dataSync,
  sync: fdatasyncSync,
};

/**
 * A flush that took less than this runs on the event loop next time. Handing a flush to the
 * thread pool wakes a pool thread on the cores the argon2id hashes are using: in bench:host the
 * simulator's pool threads took about 1 ms more CPU per sign-in (two flushes) than with the flushes
 * on the event loop, where one stalls other requests for at most about this long. With 1 ms, 44%
 * of the flushes still went to the pool (this machine's flushes take 0.2 to 2 ms); with 2 ms, 26%;
 * sign-ins per second rose by 3-4% (BENCHMARKS.md).
 */
export const SYNC_FLUSH_BELOW_MS = 2;

/**
 * Group commit for SQLite in WAL mode with `synchronous = NORMAL`: a commit is written to the WAL
 * without a flush, and `durable()` resolves once a flush of the WAL file has covered every change
 * made so far. Replies wait for it before they are sent, so an acknowledged write survives a power
 * cut as with `synchronous = FULL`. A flush shorter than SYNC_FLUSH_BELOW_MS runs on the event loop
 * (its stall is shorter than the hand-over to the pool would cost); a longer one, the first one,
 * and every one after a slow or failed flush run on the pool, off the event loop, shared by every
 * reply waiting meanwhile. FULL flushes each commit on the event loop whatever the disk's speed,
 * stalling every request for each flush (test/bench/durable-writes.ts measures both).
 * SQLite itself syncs the WAL before a checkpoint copies it into the database, and the database
 * after, so what leaves the WAL is durable too.
 */
export class WalSyncer {
  private readonly fd: number;
  private readonly flushers: Flushers;
  private readonly now: () => number;
  private synced = 0;
  private running: Promise<void> | undefined;
  /** How long the last flush took, in ms; unknown (infinite) until one has succeeded. */
  private lastFlushMs = Number.POSITIVE_INFINITY;
  /** Flushes run on the event loop and on the pool (the host bench and tests read them). */
  readonly flushes = { onLoop: 0, onPool: 0 };
  constructor(
    private readonly db: Db,
    walPath: string,
    flushers: Flushers | Fsync = DEFAULT_FLUSHERS,
  ) {
    this.flushers = typeof flushers === 'function' ? { async: flushers } : flushers;
    this.now = this.flushers.now ?? (() => performance.now());
    // 'r+': Windows flushes a file only through a handle that may write.
    this.fd = openSync(walPath, 'r+');
    syncDirectory(dirname(walPath));
  }

  private changes(): number {
    return (stmt(this.db, 'SELECT total_changes() AS n').get() as { n: number }).n;
  }

  /** Changes committed on this connection that no fsync has covered yet. */
  unsynced(): number {
    return this.changes() - this.synced;
  }

  /** Resolves once every change committed before the call is on disk; rejects if a flush fails. */
  async durable(): Promise<void> {
    const target = this.changes();
    while (this.synced < target) {
      // A flush already running or due may have started before our change: wait, then look again.
      const { sync } = this.flushers;
      this.running ??=
        sync && this.lastFlushMs < SYNC_FLUSH_BELOW_MS ? this.flushOnLoop(sync) : this.flush();
      await this.running;
    }
  }

  /**
   * The flush on the event loop, once the requests that arrived together have written (the check
   * phase, after this turn's I/O callbacks): one flush still covers a burst of replies.
   */
  private flushOnLoop(sync: (fd: number) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      setImmediate(() => {
        try {
          this.flushHere(sync);
          resolve();
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        } finally {
          this.running = undefined;
        }
      });
    });
  }

  /** The flush on this thread; a failure goes to the caller and sends the next one to the pool. */
  private flushHere(sync: (fd: number) => void): void {
    const covers = this.changes();
    const start = this.now();
    this.lastFlushMs = Number.POSITIVE_INFINITY;
    this.flushes.onLoop++;
    sync(this.fd);
    this.lastFlushMs = this.now() - start;
    this.synced = Math.max(this.synced, covers);
  }

  private async flush(): Promise<void> {
    const covers = this.changes();
    const start = this.now();
    this.lastFlushMs = Number.POSITIVE_INFINITY;
    this.flushes.onPool++;
    try {
      await this.flushers.async(this.fd);
      this.lastFlushMs = this.now() - start;
      this.synced = Math.max(this.synced, covers);
    } finally {
      this.running = undefined;
    }
  }

  /** Closes the WAL's descriptor (before the database closes: SQLite may then delete the WAL). */
  close(): void {
    closeSync(this.fd);
  }
}

// The WAL file's directory entry must be durable too, or a power cut could lose the whole file.
// Windows cannot open a directory to fsync it (NTFS journals the entry itself).
function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
