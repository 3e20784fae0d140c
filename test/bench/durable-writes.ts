/**
 * `npx tsx test/bench/durable-writes.ts`: durable security writes per second (a failure count, a
 * used TOTP step), each its own commit as the host makes them, counted once it would survive a
 * power cut:
 *   - FULL: SQLite fsyncs every commit, on the event loop;
 *   - NORMAL + WAL fsync before reply (the host's default, simulator/store/wal-sync.ts): the commit
 *     is not fsynced, the writer then waits for an fsync of the WAL shared with the writers waiting.
 * With 1 writer (one request at a time) and with BENCH_WRITERS concurrent ones (default 32, a busy
 * host). The goal is 1,000/s at the host's level. Numbers, not a test: the machine is shared.
 * BENCH_SECONDS per case (default 2); BENCH_DIR: where the database goes (default the OS temp
 * folder; put it on the disk the host's data folder is on).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../simulator/settings.js';
import { openDatabase, stmt, type Db } from '../../simulator/store/db.js';
import { saveLockout } from '../../simulator/store/users.js';
import { WalSyncer } from '../../simulator/store/wal-sync.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 32);
const BASE = process.env.BENCH_DIR ?? tmpdir();

type Mode = 'FULL' | 'NORMAL+fsync-before-reply';
type Kind = 'failure count' | 'used TOTP step';

function prepare(db: Db): void {
  db.exec(`INSERT INTO participants VALUES ('CP001', 'Bench');
    INSERT INTO users (user_id, participant_id, name, roles, password_hash, created_at)
      VALUES ('C00101', 'CP001', 'Bench', '["user"]', 'x', 0);`);
}

// One commit, as the host makes it: its own IMMEDIATE transaction.
function writer(db: Db, kind: Kind): (i: number) => void {
  if (kind === 'failure count') {
    return (i) =>
      db
        .transaction(() =>
          saveLockout(db, {
            user_key: `GUESS${i % 1000}`,
            failures: 1 + (i % 4),
            locked_until: null,
            updated_at: Date.now(),
          }),
        )
        .immediate();
  }
  return (i) =>
    db
      .transaction(() =>
        stmt(db, 'UPDATE users SET last_totp_step = ? WHERE user_id = ?').run(i, 'C00101'),
      )
      .immediate();
}

async function measure(mode: Mode, kind: Kind, writers: number): Promise<number> {
  const dir = mkdtempSync(join(BASE, 'ccms-durable-bench-'));
  const path = join(dir, 'sim.db');
  const db = openDatabase(path, mode === 'FULL' ? 'FULL' : 'NORMAL');
  const syncer = mode === 'FULL' ? undefined : new WalSyncer(db, `${path}-wal`);
  try {
    prepare(db);
    const write = writer(db, kind);
    let n = 0;
    const until = performance.now() + SECONDS * 1000;
    const start = performance.now();
    const loop = async (): Promise<void> => {
      while (performance.now() < until) {
        write(n++);
        // FULL: the commit already fsynced. Otherwise the reply would wait here.
        if (syncer) await syncer.durable();
        else await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(Array.from({ length: writers }, loop));
    return n / ((performance.now() - start) / 1000);
  } finally {
    syncer?.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const hostMode: Mode =
  DEFAULT_SETTINGS.sqliteSynchronous === 'FULL' ? 'FULL' : 'NORMAL+fsync-before-reply';
console.log(`durable security writes per second (${SECONDS} s per case, database in ${BASE})`);
console.log(`the host's default: ${hostMode}`);
const rows: string[][] = [];
for (const mode of ['FULL', 'NORMAL+fsync-before-reply'] as const) {
  for (const kind of ['failure count', 'used TOTP step'] as const) {
    for (const writers of [1, WRITERS]) {
      const rate = await measure(mode, kind, writers);
      rows.push([mode, kind, String(writers), rate.toFixed(0)]);
      console.log(
        `  ${mode.padEnd(26)} ${kind.padEnd(15)} writers ${String(writers).padStart(3)}: ${rate.toFixed(0).padStart(6)}/s`,
      );
    }
  }
}
const best = Math.min(
  ...rows.filter((r) => r[0] === hostMode && r[2] === String(WRITERS)).map((r) => Number(r[3])),
);
console.log(
  `host's level with ${WRITERS} writers: ${best.toFixed(0)}/s (goal 1000/s: ${best >= 1000 ? 'met' : 'NOT met'})`,
);
