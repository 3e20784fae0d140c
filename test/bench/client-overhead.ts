/**
 * Client overhead: one full sign-in (login + TOTP) through the client, against the same two host
 * calls made directly, in one process and one run.
 *   - through the client: a WebSocket client playing the renderer (JSON frames, each read with
 *     readServerFrame as renderer/bridge/ws-bridge.ts reads them) -> browser mode's
 *     bridge (scripts/web-server.ts) -> the real core (electron/core: router, session machine, host
 *     client over HTTPS) -> the embedded simulator;
 *   - directly: POST /api/v1/auth/login and /api/v1/auth/otp with Node's https and a keep-alive
 *     agent, to the same simulator.
 * The two alternate pair by pair (which goes first alternates too), each sign-in a fresh user;
 * sign-out after each is not timed. BENCH_OVERHEAD_BLOCKS (10) blocks of BENCH_OVERHEAD_PAIRS (20)
 * pairs; each block gives the ratio of the medians. After each pair, not in the ratio, the same
 * sign-in through `core.call` in process (no WebSocket) splits the overhead between bridge and core.
 * `--json <file>`: the figures as JSON (run-all.ts).
 */
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

/** Runs the comparison; returns the figure. */
export async function runClientOverhead(
  log: (line: string) => void = console.log,
): Promise<Figure[]> {
  const app = await startBenchApp(3 * (BLOCKS * PAIRS + WARMUP) + 10);
  const bridge = await BridgeClient.open(app.bridgeUrl, app.mode.origin);
  const base = new URL(app.sim.url);
  const agent = new Agent({ keepAlive: true, ca: app.sim.caCertPem });
  let next = 0;
  const take = (): BenchUser => {
    const u = app.users[next++];
    if (!u) throw new Error('out of seeded users');
    return u;
  };
  const code = (u: BenchUser): string => totpCode(base32Decode(u.secret), Date.now());
  const stepOf = (r: BridgeResult<unknown>): string =>
    r.ok ? String((r.value as { step?: unknown }).step) : `error ${r.error.code}`;

  const signInThrough = async (
    call: (name: string, input: unknown) => Promise<BridgeResult<unknown>>,
  ): Promise<number> => {
    const u = take();
    const t0 = performance.now();
    const login = await call('login', { userId: u.userId, password: BENCH_PASSWORD });
    if (stepOf(login) !== 'otp') throw new Error(`bridge login: ${stepOf(login)}`);
    const otp = await call('submitOtp', { code: code(u) });
    const t = performance.now() - t0;
    if (stepOf(otp) !== 'signedIn') throw new Error(`bridge submitOtp: ${stepOf(otp)}`);
    const out = await call('logout', {});
    if (stepOf(out) !== 'signedOut') throw new Error(`bridge logout: ${stepOf(out)}`);
    return t;
  };
  const viaClient = () => signInThrough((name, input) => bridge.call(name, input));
  // The core's own calls without the WebSocket: splits the overhead between bridge and core.
  const viaCore = () => signInThrough((name, input) => app.mode.core.call(name, input));
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
      code: code(u),
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
    const ratios: number[] = [];
    const clientAll: number[] = [];
    const directAll: number[] = [];
    const coreAll: number[] = [];
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
        coreAll.push(await viaCore());
      }
      ratios.push(median(c) / median(d));
      clientAll.push(...c);
      directAll.push(...d);
      log(
        `  block ${b + 1}: through the client median ${median(c).toFixed(1)} ms, direct ${median(d).toFixed(1)} ms, ratio ${(median(c) / median(d)).toFixed(3)}`,
      );
    }
    return [
      figure({
        id: 'client-overhead',
        name: 'client overhead: a full sign-in through the core and the bridge (WebSocket in browser mode) vs the same two host calls made directly',
        goalText: '≤ 1.15',
        goal: { op: '<=', value: 1.15 },
        unit: 'ratio',
        runs: ratios,
        value: median(clientAll) / median(directAll),
        valueIs: `ratio of the medians of all ${clientAll.length} pairs; runs are ${BLOCKS} blocks of ${PAIRS} pairs`,
        details: {
          throughClientMedianMs: median(clientAll),
          directMedianMs: median(directAll),
          overheadMedianMs: median(clientAll) - median(directAll),
          coreInProcessMedianMs: median(coreAll),
        },
      }),
    ];
  } finally {
    bridge.close();
    agent.destroy();
    await app.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  runClientOverhead().then(
    (figures) => emitFigures(figures),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
