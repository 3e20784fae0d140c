/**
 * `npm run bench:host`: how close the simulator's full logins (password + TOTP over HTTPS) come
 * to the argon2id limit of this machine, measured in one run.
 *   1. hash-bound limit: argon2id verifies per second with one concurrent verify per core (and
 *      with libuv's pool full; the larger is the limit);
 *   2. full logins per second against a simulator in its own process (loopback only), from a
 *      load-generator process: a closed loop of concurrent clients, each login a fresh user
 *      (TOTP codes are single use);
 *   3. the ratio, p50/p99 latency of a full login, and the error count.
 * The phases alternate in short rounds so both see the same background load (the machine is shared).
 * The load generator shares the cores with the host (BENCH_CLIENT_NICE, default 0; 19 lets it
 * yield to the host as clients on other machines would).
 * Bounded: BENCH_SECONDS (default 10) of logins in total, BENCH_MAX_LOGINS (default 2000).
 * The simulator runs with its request log on, as `npm run sim` does (into a file; the bench checks
 * one line per reply and no password in it). On Linux it prints where the CPU of a login goes
 * (simulator event loop, its thread pool, load generator) and how busy the cores were.
 * BENCH_PROFILE_DIR=<dir>: both child processes write V8 CPU profiles there.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { verify as argon2Verify } from '@node-rs/argon2';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openOffline } from '../../simulator/offline.js';
import { cpuAdd, cpuDelta, machineCpu, processCpu, type ProcessCpu } from './proc-cpu.js';
import { insertUser, resetToSeed, type PreparedUser } from '../../simulator/store/seed.js';
import { newTotpSecret } from '../../simulator/auth/totp.js';
import { KeepAliveClient } from './keepalive-client.js';
import { base32Decode, totpCode } from './totp-code.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_LOGINS = Number(process.env.BENCH_MAX_LOGINS ?? 2000);
const CORES = cpus().length;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? CORES * 4);
const CLIENT_NICE = Number(process.env.BENCH_CLIENT_NICE ?? 0);
const ROUNDS = 4;
// BENCH_PROFILE_DIR: both child processes write V8 CPU profiles (one per thread) into its
// simulator/ and load-generator/ folders.
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;
const profileArgs = (name: string): string[] =>
  PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${join(PROFILE_DIR, name)}`] : [];
const PASSWORD = 'Bench-Pass-0001!';
const SELF = fileURLToPath(import.meta.url);
const SIM_CHILD = fileURLToPath(new URL('./bench-simulator.ts', import.meta.url));

interface BenchUser {
  userId: string;
  secret: string;
}
interface PhaseResult {
  latencies: number[];
  errors: number;
  seconds: number;
  /** HTTP replies received (each is one line of the simulator's request log). */
  replies: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function hashRate(
  hash: string,
  verify: (h: string, p: string) => Promise<boolean>,
  workers: number,
  seconds: number,
): Promise<{ count: number; seconds: number }> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < until) {
      await verify(hash, PASSWORD);
      done++;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: workers }, worker));
  return { count: done, seconds: (performance.now() - start) / 1000 };
}

/** The load-generator process: runs a login phase per IPC message, replies with its results. */
function loadGenerator(): void {
  const url = new URL(process.env.BENCH_URL ?? '');
  const ca = readFileSync(process.env.BENCH_CA ?? '', 'utf8');
  const users = (
    JSON.parse(readFileSync(process.env.BENCH_USERS ?? '', 'utf8')) as BenchUser[]
  ).map((u) => ({
    key: base32Decode(u.secret),
    loginBody: JSON.stringify({ userId: u.userId, password: PASSWORD }),
  }));
  // One kept-alive connection per concurrent client, as each terminal keeps its own.
  const clients = Array.from(
    { length: CONCURRENCY },
    () => new KeepAliveClient(url.hostname, Number(url.port), ca),
  );
  let next = 0;
  const phase = async (seconds: number): Promise<PhaseResult> => {
    const until = performance.now() + seconds * 1000;
    const latencies: number[] = [];
    let errors = 0;
    let replies = 0;
    const client = async (http: KeepAliveClient): Promise<void> => {
      while (performance.now() < until && next < users.length) {
        const u = users[next++] as (typeof users)[number];
        const t0 = performance.now();
        try {
          const login = await http.post('/api/v1/auth/login', u.loginBody);
          replies++;
          const otp = await http.post(
            '/api/v1/auth/otp',
            `{"challengeId":${JSON.stringify(String(login.body?.challengeId))},"code":"${totpCode(u.key, Date.now())}"}`,
          );
          replies++;
          if (
            login.status !== 200 ||
            otp.status !== 200 ||
            typeof otp.body?.session?.token !== 'string'
          )
            errors++;
          else latencies.push(performance.now() - t0);
        } catch {
          errors++;
        }
      }
    };
    const start = performance.now();
    await Promise.all(clients.map(client));
    return { latencies, errors, replies, seconds: (performance.now() - start) / 1000 };
  };
  process.on('message', (msg: { seconds?: number }) => {
    if (typeof msg.seconds !== 'number') {
      for (const c of clients) c.close();
      process.disconnect?.();
      return;
    }
    void phase(msg.seconds).then((r) => process.send?.(r));
  });
}

function runPhase(gen: ChildProcess, seconds: number): Promise<PhaseResult> {
  return new Promise((resolve) => {
    gen.once('message', (r) => resolve(r as PhaseResult));
    gen.send({ seconds });
  });
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ccms-bench-'));
  const off = openOffline(dataDir, { create: true });
  const logFile = join(dataDir, 'request-log.jsonl');
  console.log(
    `host bench: ${CORES} cores, ${SECONDS} s per phase, at most ${MAX_LOGINS} logins, ${CONCURRENCY} clients`,
  );
  try {
    await resetToSeed(off.db, off.hasher, off.box, Date.now());
    // One hash for every bench user: creating 2000 users must not take 2000 hashes.
    const hash = await off.hasher.hash(PASSWORD);
    const users: Array<{ userId: string; secret: string }> = [];
    off.db.transaction(() => {
      for (let i = 0; i < MAX_LOGINS; i++) {
        const userId = `B${String(i).padStart(5, '0')}`;
        const secret = newTotpSecret();
        const prepared: PreparedUser = {
          user: {
            userId,
            participantId: 'CP001',
            name: `Bench ${i}`,
            roles: ['user'],
            password: PASSWORD,
            channel: 'totp',
          },
          hash,
          sealedSecret: off.box.seal(secret),
        };
        insertUser(off.db, prepared, Date.now());
        users.push({ userId, secret });
      }
    })();

    // The library itself, not the simulator's gated hasher: this is the machine's raw limit.
    const verify = (h: string, p: string): Promise<boolean> => argon2Verify(h, p);
    const child = spawn(
      process.execPath,
      [...profileArgs('simulator'), '--import', 'tsx', SIM_CHILD, dataDir, logFile],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const { url, ca } = await new Promise<{ url: string; ca: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString('utf8');
        if (out.includes('\n'))
          resolve(JSON.parse(out.split('\n')[0] ?? '{}') as { url: string; ca: string });
      });
      child.once('exit', (code) => reject(new Error(`simulator exited (${code})`)));
    });
    writeFileSync(join(dataDir, 'bench-users.json'), JSON.stringify(users));
    const gen = spawn(
      process.execPath,
      [...profileArgs('load-generator'), '--import', 'tsx', SELF, '--load-generator'],
      {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        env: {
          ...process.env,
          BENCH_URL: url,
          BENCH_CA: join(dataDir, 'ca.pem'),
          BENCH_USERS: join(dataDir, 'bench-users.json'),
        },
      },
    );
    if (CLIENT_NICE !== 0 && gen.pid !== undefined) setPriority(gen.pid, CLIENT_NICE);
    void ca;

    let hashes = { perCore: 0, pool: 0, secPerCore: 0, secPool: 0 };
    const latencies: number[] = [];
    let errors = 0;
    let loginSeconds = 0;
    const zero: ProcessCpu = { mainUser: 0, mainSys: 0, otherUser: 0, otherSys: 0 };
    let simCpu: ProcessCpu | undefined = zero;
    let genCpu: ProcessCpu | undefined = zero;
    let machine: { busy: number; idle: number } | undefined = { busy: 0, idle: 0 };
    let replies = (await runPhase(gen, 1)).replies; // warm-up: TLS sessions, JIT
    for (let r = 0; r < ROUNDS; r++) {
      const slice = SECONDS / ROUNDS;
      const pc = await hashRate(hash, verify, CORES, slice / 4);
      const pl = await hashRate(
        hash,
        verify,
        Math.max(CORES, Number(process.env.UV_THREADPOOL_SIZE ?? 4)),
        slice / 4,
      );
      hashes = {
        perCore: hashes.perCore + pc.count,
        pool: hashes.pool + pl.count,
        secPerCore: hashes.secPerCore + pc.seconds,
        secPool: hashes.secPool + pl.seconds,
      };
      const simBefore = processCpu(child.pid ?? -1);
      const genBefore = processCpu(gen.pid ?? -1);
      const machineBefore = machineCpu();
      const phase = await runPhase(gen, slice);
      const simAfter = processCpu(child.pid ?? -1);
      const genAfter = processCpu(gen.pid ?? -1);
      const machineAfter = machineCpu();
      machine =
        machine && machineBefore && machineAfter
          ? {
              busy: machine.busy + machineAfter.busy - machineBefore.busy,
              idle: machine.idle + machineAfter.idle - machineBefore.idle,
            }
          : undefined;
      simCpu =
        simCpu && simBefore && simAfter ? cpuAdd(simCpu, cpuDelta(simBefore, simAfter)) : undefined;
      genCpu =
        genCpu && genBefore && genAfter ? cpuAdd(genCpu, cpuDelta(genBefore, genAfter)) : undefined;
      latencies.push(...phase.latencies);
      errors += phase.errors;
      replies += phase.replies;
      loginSeconds += phase.seconds;
    }
    off.close();
    const perCore = hashes.perCore / hashes.secPerCore;
    const pool = hashes.pool / hashes.secPool;
    const hashesPerSec = Math.max(perCore, pool);
    console.log(
      `argon2id verify (m=19456 KiB, t=2, p=1): ${perCore.toFixed(1)} /s with ${CORES} workers (one per core), ${pool.toFixed(1)} /s with the thread pool full; limit ${hashesPerSec.toFixed(1)} /s`,
    );
    console.log(`load generator: ${CONCURRENCY} clients at nice ${CLIENT_NICE}`);
    const elapsed = loginSeconds;
    gen.send({});
    await new Promise((resolve) => gen.once('exit', resolve));
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));

    latencies.sort((a, b) => a - b);
    // The simulator logs every request, as `npm run sim` does; the log must hold no secret.
    const logLines = readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('"/api/v1/'));
    const leaks = logLines.filter((l) => l.includes(PASSWORD)).length;
    console.log(
      `request log: ${logLines.length} lines for ${replies} replies, ${leaks} holding the password`,
    );
    const loginsPerSec = latencies.length / elapsed;
    console.log(
      `full logins (password + TOTP over HTTPS): ${latencies.length} in ${elapsed.toFixed(1)} s = ${loginsPerSec.toFixed(1)} /s`,
    );
    console.log(
      `latency of a full login: p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms`,
    );
    console.log(`errors: ${errors}`);
    if (simCpu && genCpu && latencies.length > 0) {
      // Where a login's CPU goes (user+system ms per full login, from /proc): the logins/s the two
      // cores allow is about 1000 * CORES / total.
      const per = (ms: number): string => (ms / latencies.length).toFixed(2);
      const simMain = simCpu.mainUser + simCpu.mainSys;
      const simOther = simCpu.otherUser + simCpu.otherSys;
      const genAll = genCpu.mainUser + genCpu.mainSys + genCpu.otherUser + genCpu.otherSys;
      console.log(
        `CPU per full login: simulator event loop ${per(simMain)} ms (user ${per(simCpu.mainUser)}, system ${per(simCpu.mainSys)}), ` +
          `simulator other threads (argon2 pool, GC) ${per(simOther)} ms, ` +
          `load generator ${per(genAll)} ms (user ${per(genCpu.mainUser + genCpu.otherUser)}, system ${per(genCpu.mainSys + genCpu.otherSys)}); ` +
          `total ${per(simMain + simOther + genAll)} ms; one verify in the limit phase takes ${((1000 / hashesPerSec) * CORES).toFixed(2)} ms of a core`,
      );
      // With the cores fully used, this CPU per login allows at most this rate: the ratio's ceiling.
      const ceiling = (1000 * CORES * latencies.length) / (simMain + simOther + genAll);
      console.log(
        `at this CPU per login, ${CORES} fully busy cores allow ${ceiling.toFixed(1)} logins/s = ${(ceiling / hashesPerSec).toFixed(2)} of the limit`,
      );
      if (machine) {
        const all = machine.busy + machine.idle;
        const others = machine.busy - simMain - simOther - genAll;
        console.log(
          `cores during the login phases: ${((100 * (simMain + simOther + genAll)) / all).toFixed(0)}% simulator + load generator, ` +
            `${((100 * Math.max(0, others)) / all).toFixed(0)}% other processes, ${((100 * machine.idle) / all).toFixed(0)}% idle`,
        );
      }
    }
    const ratio = loginsPerSec / hashesPerSec;
    console.log(
      `ratio logins/hash limit: ${ratio.toFixed(2)} (goal >= 0.85, p99 < 1000 ms, 0 errors)`,
    );
    const met =
      ratio >= 0.85 &&
      percentile(latencies, 99) < 1000 &&
      errors === 0 &&
      leaks === 0 &&
      logLines.length >= replies;
    console.log(met ? 'goal met' : 'goal NOT met');
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--load-generator')) {
  loadGenerator();
} else {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
