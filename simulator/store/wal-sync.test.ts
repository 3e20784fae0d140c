import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db.js';
import { dataSync, SYNC_FLUSH_BELOW_MS, WalSyncer } from './wal-sync.js';

// An fsync the test completes or fails by hand: the syncer's timing and its failure are the subject.
function manualFsync() {
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const fsync = (_fd: number) =>
    new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
  return { fsync, pending };
}

/** A fresh database with a table to write to, for each test of the describe that calls it. */
function freshDatabase() {
  const t = { dir: '', db: undefined as unknown as Db };
  beforeEach(() => {
    t.dir = mkdtempSync(join(tmpdir(), 'ccms-walsync-'));
    t.db = openDatabase(join(t.dir, 'sim.db'));
    t.db.exec('CREATE TABLE t (n INTEGER)');
  });
  afterEach(() => {
    t.db.close();
    rmSync(t.dir, { recursive: true, force: true });
  });
  return {
    get db() {
      return t.db;
    },
    wal: () => join(t.dir, 'sim.db-wal'),
    write: () => t.db.prepare('INSERT INTO t VALUES (1)').run(),
  };
}

describe('WalSyncer: replies wait for an fsync of the WAL that covers their writes', () => {
  const fresh = freshDatabase();
  const write = fresh.write;

  it('resolves only after the fsync covering the write, sharing fsyncs between waiters', async () => {
    const { fsync, pending } = manualFsync();
    const syncer = new WalSyncer(fresh.db, fresh.wal(), fsync);
    const done: string[] = [];
    write();
    const first = syncer.durable().then(() => done.push('first'));
    write(); // after the first fsync started: it needs the next one
    const second = syncer.durable().then(() => done.push('second'));
    const third = syncer.durable().then(() => done.push('third'));
    await new Promise((r) => setImmediate(r));
    expect([pending.length, done]).toEqual([1, []]);
    pending[0]?.resolve();
    await first;
    await new Promise((r) => setImmediate(r));
    expect([pending.length, done]).toEqual([2, ['first']]);
    expect(syncer.unsynced()).toBe(1);
    pending[1]?.resolve();
    await Promise.all([second, third]);
    expect([pending.length, syncer.unsynced()]).toEqual([2, 0]);
    syncer.close();
  });

  it('rejects the waiters of a failed fsync (fault injected), and syncs again on the next call', async () => {
    const { fsync, pending } = manualFsync();
    const syncer = new WalSyncer(fresh.db, fresh.wal(), fsync);
    write();
    const failed = syncer.durable();
    await new Promise((r) => setImmediate(r));
    pending[0]?.reject(new Error('EIO'));
    await expect(failed).rejects.toThrow('EIO');
    const retried = syncer.durable();
    await new Promise((r) => setImmediate(r));
    pending[1]?.resolve();
    await retried;
    expect(syncer.unsynced()).toBe(0);
    syncer.close();
  });

  it('needs no fsync when nothing changed, and syncs a real WAL file', async () => {
    const syncer = new WalSyncer(fresh.db, fresh.wal());
    await syncer.durable();
    write();
    expect(syncer.unsynced()).toBe(1);
    await syncer.durable();
    expect(syncer.unsynced()).toBe(0);
    syncer.close();
  });
});

describe('dataSync: the flush WalSyncer uses by default', () => {
  it('flushes a real file, and rejects with the error for a descriptor that is not open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccms-datasync-'));
    try {
      const fd = openSync(join(dir, 'f'), 'w+');
      writeSync(fd, 'x');
      await expect(dataSync(fd)).resolves.toBeUndefined();
      closeSync(fd);
      await expect(dataSync(fd)).rejects.toMatchObject({ code: 'EBADF' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('WalSyncer: quick flushes on the event loop, slow ones on the thread pool', () => {
  const fresh = freshDatabase();
  const write = fresh.write;

  // A fake clock the test moves, and flushes the test completes by hand (pool) or times (loop).
  function rig() {
    let now = 0;
    const { fsync, pending } = manualFsync();
    const loop: { ms: number; fail?: Error; calls: number } = { ms: 0.3, calls: 0 };
    const flushers = {
      async: fsync,
      sync: () => {
        loop.calls++;
        now += loop.ms;
        if (loop.fail) throw loop.fail;
      },
      now: () => now,
    };
    const poolDone = async (ms: number) => {
      await new Promise((r) => setImmediate(r));
      now += ms;
      pending.at(-1)?.resolve();
    };
    /** Waits for what was written, completing the pool flush it asks for after `ms`. */
    const durableOnPool = async (syncer: WalSyncer, ms: number) => {
      const done = syncer.durable();
      await poolDone(ms);
      await done;
    };
    return { flushers, pending, loop, durableOnPool };
  }

  it('starts on the pool, moves to the loop after a quick flush, back to the pool after a slow one', async () => {
    const { flushers, pending, loop, durableOnPool } = rig();
    const syncer = new WalSyncer(fresh.db, fresh.wal(), flushers);
    write();
    await durableOnPool(syncer, 0.5);
    expect([pending.length, loop.calls]).toEqual([1, 0]);

    write();
    await syncer.durable(); // quick last time: flushed on the loop, nothing left pending
    expect([pending.length, loop.calls, syncer.unsynced()]).toEqual([1, 1, 0]);

    loop.ms = SYNC_FLUSH_BELOW_MS + 3; // this one is slow …
    write();
    await syncer.durable();
    write();
    await durableOnPool(syncer, SYNC_FLUSH_BELOW_MS + 1); // … so the next goes to the pool
    expect([pending.length, loop.calls]).toEqual([2, 2]);
    expect(syncer.flushes).toEqual({ onLoop: 2, onPool: 2 });
    syncer.close();
  });

  it('on the loop, one flush still covers the replies of a burst (written in the same turn)', async () => {
    const { flushers, loop, durableOnPool } = rig();
    const syncer = new WalSyncer(fresh.db, fresh.wal(), flushers);
    write();
    await durableOnPool(syncer, 0.2);
    const burst = [1, 2, 3, 4, 5].map(() => {
      write();
      return syncer.durable();
    });
    await Promise.all(burst);
    expect([loop.calls, syncer.unsynced()]).toEqual([1, 0]);
    syncer.close();
  });

  it('a failed flush on the loop rejects its reply, and the next flush goes to the pool (fault injected)', async () => {
    const { flushers, pending, loop, durableOnPool } = rig();
    const syncer = new WalSyncer(fresh.db, fresh.wal(), flushers);
    write();
    await durableOnPool(syncer, 0.2);
    loop.fail = new Error('EIO');
    write();
    await expect(syncer.durable()).rejects.toThrow('EIO');
    expect(syncer.unsynced()).toBe(1);
    loop.fail = undefined;
    await durableOnPool(syncer, 0.2);
    expect([pending.length, loop.calls, syncer.unsynced()]).toEqual([2, 1, 0]);
    syncer.close();
  });

  it('with the real flushes, replies become durable whichever way they are flushed', async () => {
    const syncer = new WalSyncer(fresh.db, fresh.wal());
    for (let i = 0; i < 20; i++) {
      write();
      await syncer.durable();
      expect(syncer.unsynced()).toBe(0);
    }
    expect(syncer.flushes.onLoop + syncer.flushes.onPool).toBe(20);
    expect(syncer.flushes.onPool).toBeGreaterThanOrEqual(1);
    syncer.close();
  });
});
