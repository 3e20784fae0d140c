import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
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

/**
 * Group commit for SQLite in WAL mode with `synchronous = NORMAL`: a commit is written to the WAL
 * without an fsync, and `durable()` resolves once an fsync of the WAL file has covered every
 * change made so far. Replies wait for it before they are sent, so an acknowledged write survives
 * a power cut as with `synchronous = FULL`, but the fsync runs off the event loop and is shared by
 * every reply waiting meanwhile. FULL fsyncs each commit on the event loop, stalling every request
 * for the fsync's time (test/bench/durable-writes.ts measures both).
 * SQLite itself syncs the WAL before a checkpoint copies it into the database, and the database
 * after, so what leaves the WAL is durable too.
 */
export class WalSyncer {
  private readonly fd: number;
  private synced = 0;
  private running: Promise<void> | undefined;
  constructor(
    private readonly db: Db,
    walPath: string,
    private readonly doFsync: Fsync = dataSync,
  ) {
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

  /** Resolves once every change committed before the call is on disk; rejects if fsync fails. */
  async durable(): Promise<void> {
    const target = this.changes();
    while (this.synced < target) {
      // An fsync already running may have started before our change: wait, then look again.
      this.running ??= this.flush();
      await this.running;
    }
  }

  private async flush(): Promise<void> {
    const covers = this.changes();
    try {
      await this.doFsync(this.fd);
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
