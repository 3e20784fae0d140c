import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './db.js';
import { dataSync, WalSyncer } from './wal-sync.js';

// An fsync the test completes or fails by hand: the syncer's timing and its failure are the subject.
function manualFsync() {
  const pending: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  const fsync = (_fd: number) =>
    new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
  return { fsync, pending };
}

describe('WalSyncer: replies wait for an fsync of the WAL that covers their writes', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ccms-walsync-'));
    db = openDatabase(join(dir, 'sim.db'));
    db.exec('CREATE TABLE t (n INTEGER)');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const write = () => db.prepare('INSERT INTO t VALUES (1)').run();

  it('resolves only after the fsync covering the write, sharing fsyncs between waiters', async () => {
    const { fsync, pending } = manualFsync();
    const syncer = new WalSyncer(db, join(dir, 'sim.db-wal'), fsync);
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
    const syncer = new WalSyncer(db, join(dir, 'sim.db-wal'), fsync);
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
    const syncer = new WalSyncer(db, join(dir, 'sim.db-wal'));
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
