/**
 * Client overhead: one full sign-in (login + TOTP) through the client, against the same two host
 * calls made directly, in one run.
 *   - through the client: a WebSocket client playing the renderer (JSON frames, each read with
 *     readServerFrame as renderer/bridge/ws-bridge.ts reads them) -> browser mode's bridge
 *     (scripts/web-server.ts) -> the real core (electron/core: router, session machine, host
 *     client over HTTPS) -> the embedded simulator;
 *   - directly: POST /api/v1/auth/login and /api/v1/auth/otp with Node's https and a keep-alive
 *     agent, to the same simulator.
 * Both run in a child process of their own, as the renderer is a process of its own (Electron's,
 * or the browser in browser mode): on one event loop with the core, the stand-in would be charged
 * for whatever the core does after its reply has gone out, and the direct client for the
 * simulator's work after each reply. The core and the simulator run in this process.
 * The two alternate pair by pair (which goes first alternates too), each sign-in a fresh user;
 * sign-out after each is not timed. BENCH_OVERHEAD_BLOCKS (10) blocks of BENCH_OVERHEAD_PAIRS (20)
 * pairs; each block gives the ratio of the medians. Then, not in the ratio, the same sign-in
 * through `core.call` in this process (no WebSocket, no process hop) splits the overhead between
 * bridge and core.
 * `--json <file>`: the figures as JSON (run-all.ts).
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:https';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { BridgeResult } from '../../shared/index.js';
import { readServerFrame } from '../../renderer/bridge/ws-frame.js';
import { BENCH_PASSWORD, type BenchUser } from './bench-users.js';
import { startBenchApp } from './bench-app.js';
import { base32Decode, totpCode } from './totp-code.js';
import { emitFigures, figure, median, type Figure } from './figures.js';

const BLOCKS = Number(process.env.BENCH_OVERHEAD_BLOCKS ?? 10);
const PAIRS = Number(process.env.BENCH_OVERHEAD_PAIRS ?? 20);
const WARMUP = 5;
const CORE_RUNS = 40;

/** A minimal renderer-side bridge client over `ws`. */
class BridgeClient {
  private nextId = 1;
  private readonly pending = new Map<number, (r: BridgeResult<unknown>) => void>();
  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw) => {
      const frame = readServerFrame(String(raw));
      if (frame?.kind !== 'result') return; // events: not awaited here
      const resolve = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      resolve?.(frame.result);
    });
  }
  static open(url: string, origin: string): Promise<BridgeClient> {
    return new Promise((ok, fail) => {
      const ws = new WebSocket(url, { origin });
      ws.once('open', () => ok(new BridgeClient(ws)));
      ws.once('error', fail);
    });
  }
  call(name: string, input: unknown): Promise<BridgeResult<unknown>> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(JSON.stringify({ id, call: name, input }));
    });
  }
  close(): void {
    this.ws.close();
  }
}

interface Reply {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are inspected as free JSON
  body: any;
}

function post(
  agent: Agent,
  base: URL,
  path: string,
  body: unknown,
  token?: string,
): Promise<Reply> {
  const json = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: base.hostname,
        port: base.port,
        method: 'POST',
        path,
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'Content-Length': Buffer.byteLength(json),
          ...(token !== undefined && { Authorization: `Bearer ${token}` }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

/** What the parent hands the child: where to reach the bridge and the host, and whom to sign in. */
interface ClientJob {
  bridgeUrl: string;
  origin: string;
  simUrl: string;
  caPem: string;
  users: BenchUser[];
}

/** What the child sends back: a log line, or the timings of every pair. */
type ClientMessage =
  { log: string } | { done: { client: number[][]; direct: number[][] } } | { error: string };

const stepOf = (r: BridgeResult<unknown>): string =>
  r.ok ? String((r.value as { step?: unknown }).step) : `error ${r.error.code}`;

/** One timed sign-in through `call` (login, then the code), then an untimed sign-out. */
async function signInThrough(
  u: BenchUser,
  call: (name: string, input: unknown) => Promise<BridgeResult<unknown>>,
): Promise<number> {
  const t0 = performance.now();
  const login = await call('login', { userId: u.userId, password: BENCH_PASSWORD });
  if (stepOf(login) !== 'otp') throw new Error(`bridge login: ${stepOf(login)}`);
  const otp = await call('submitOtp', { code: totpCode(base32Decode(u.secret), Date.now()) });
  const t = performance.now() - t0;
  if (stepOf(otp) !== 'signedIn') throw new Error(`bridge submitOtp: ${stepOf(otp)}`);
  const out = await call('logout', {});
  if (stepOf(out) !== 'signedOut') throw new Error(`bridge logout: ${stepOf(out)}`);
  return t;
}

/** The child: the renderer's stand-in and the direct client, pair by pair. */
async function runClientSide(job: ClientJob, send: (m: ClientMessage) => void): Promise<void> {
  const bridge = await BridgeClient.open(job.bridgeUrl, job.origin);
  const base = new URL(job.simUrl);
  const agent = new Agent({ keepAlive: true, ca: job.caPem });
  let next = 0;
  const take = (): BenchUser => {
    const u = job.users[next++];
    if (!u) throw new Error('out of seeded users');
    return u;
  };
  const viaClient = () => signInThrough(take(), (name, input) => bridge.call(name, input));
  const direct = async (): Promise<number> => {
    const u = take();
    const t0 = performance.now();
    const login = await post(agent, base, '/api/v1/auth/login', {
      userId: u.userId,
      password: BENCH_PASSWORD,
    });
    if (login.status !== 200) throw new Error(`direct login: ${login.status}`);
    const otp = await post(agent, base, '/api/v1/auth/otp', {
      challengeId: login.body.challengeId,
      code: totpCode(base32Decode(u.secret), Date.now()),
    });
    const t = performance.now() - t0;
    if (otp.status !== 200) throw new Error(`direct otp: ${otp.status}`);
    const out = await post(agent, base, '/api/v1/session/logout', {}, otp.body.session.token);
    if (out.status !== 204 && out.status !== 200) throw new Error(`direct logout: ${out.status}`);
    return t;
  };
  try {
    for (let i = 0; i < WARMUP; i++) {
      await viaClient();
      await direct();
    }
    const client: number[][] = [];
    const directs: number[][] = [];
    for (let b = 0; b < BLOCKS; b++) {
      const c: number[] = [];
      const d: number[] = [];
      for (let p = 0; p < PAIRS; p++) {
        if (p % 2 === 0) {
          c.push(await viaClient());
          d.push(await direct());
        } else {
          d.push(await direct());
          c.push(await viaClient());
        }
      }
      client.push(c);
      directs.push(d);
      send({
        log: `  block ${b + 1}: through the client median ${median(c).toFixed(1)} ms, direct ${median(d).toFixed(1)} ms, ratio ${(median(c) / median(d)).toFixed(3)}`,
      });
    }
    send({ done: { client, direct: directs } });
  } finally {
    bridge.close();
    agent.destroy();
  }
}

/** Runs the client side in a child process; resolves with its timings. */
function clientSideInChild(
  job: ClientJob,
  log: (line: string) => void,
): Promise<{ client: number[][]; direct: number[][] }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--client-side'], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let settled = false;
    child.on('message', (m: ClientMessage) => {
      if ('log' in m) log(m.log);
      else if ('done' in m) {
        settled = true;
        resolve(m.done);
      } else {
        settled = true;
        reject(new Error(`client side: ${m.error}`));
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (!settled) reject(new Error(`client side exited with ${code} before its results`));
    });
    child.send(job);
  });
}

/** Runs the comparison; returns the figure. */
export async function runClientOverhead(
  log: (line: string) => void = console.log,
): Promise<Figure[]> {
  const clientUsers = 2 * (BLOCKS * PAIRS + WARMUP);
  const app = await startBenchApp(clientUsers + CORE_RUNS + 10);
  try {
    const timings = await clientSideInChild(
      {
        bridgeUrl: app.bridgeUrl,
        origin: app.mode.origin,
        simUrl: app.sim.url,
        caPem: app.sim.caCertPem,
        users: app.users.slice(0, clientUsers),
      },
      log,
    );
    // The core's own calls in this process, without the WebSocket and the process hop.
    const coreAll: number[] = [];
    for (const u of app.users.slice(clientUsers, clientUsers + CORE_RUNS)) {
      coreAll.push(await signInThrough(u, (name, input) => app.mode.core.call(name, input)));
    }
    const ratios = timings.client.map((c, b) => median(c) / median(timings.direct[b] ?? []));
    const clientAll = timings.client.flat();
    const directAll = timings.direct.flat();
    return [
      figure({
        id: 'client-overhead',
        name: 'client overhead: a full sign-in through the core and the bridge (WebSocket in browser mode) vs the same two host calls made directly',
        goalText: '≤ 1.15',
        goal: { op: '<=', value: 1.15 },
        unit: 'ratio',
        runs: ratios,
        value: median(clientAll) / median(directAll),
        valueIs: `ratio of the medians of all ${clientAll.length} pairs; runs are ${BLOCKS} blocks of ${PAIRS} pairs; both clients in a process of their own, as the renderer is`,
        details: {
          throughClientMedianMs: median(clientAll),
          directMedianMs: median(directAll),
          overheadMedianMs: median(clientAll) - median(directAll),
          coreInProcessMedianMs: median(coreAll),
        },
      }),
    ];
  } finally {
    await app.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes('--client-side')) {
  const send = (m: ClientMessage) => process.send?.(m);
  process.once('message', (job: ClientJob) => {
    runClientSide(job, send).then(
      () => process.disconnect(),
      (e: unknown) => {
        send({ error: String((e as Error)?.stack ?? e) });
        process.disconnect();
      },
    );
  });
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runClientOverhead().then(
    (figures) => emitFigures(figures),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
