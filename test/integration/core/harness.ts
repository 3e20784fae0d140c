// Integration harness: the real simulator over HTTPS (own CA) and a real core talking to it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import {
  ManualClock as SimClock,
  startSimulator,
  type RunningSimulator,
} from '../../../simulator/index.js';
import {
  createCore,
  ManualClock,
  type Core,
  type CoreOptions,
} from '../../../electron/core/index.js';
import type {
  AuthState,
  CallInput,
  CallName,
  CallOutput,
  EventName,
} from '../../../shared/bridge.js';
import type { AppError } from '../../../shared/errors.js';
import { SEED_PASSWORDS } from '../../../simulator/store/seed.js';

/** A running simulator with its own data folder. */
export interface SimHandle {
  sim: RunningSimulator;
  simClock: SimClock;
  dir: string;
  /** The simulator's request log lines (method, path, status, errorCode; never bodies). */
  requests: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts the simulator on 127.0.0.1:0 with a clock tests can move. */
export async function startSim(settings: Record<string, unknown> = {}): Promise<SimHandle> {
  const dir = await mkdtemp(join(tmpdir(), 'ccms-core-it-sim-'));
  const simClock = new SimClock(Date.now());
  const requests: Record<string, unknown>[] = [];
  const log = (line: Record<string, unknown>) => {
    if (typeof line['method'] === 'string') requests.push(line);
  };
  const sim = await startSimulator({ dataDir: dir, port: 0, clock: simClock, settings, log });
  return {
    sim,
    simClock,
    dir,
    requests,
    close: async () => {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The test file's one simulator: started before its first test, closed after its last. The
 * handle may be used at once (in `beforeEach`, in tests); it reads the running simulator.
 */
export function simulatorForFile(settings: Record<string, unknown> = {}): SimHandle {
  let handle: SimHandle | undefined;
  beforeAll(async () => {
    handle = await startSim(settings);
  });
  afterAll(() => handle?.close());
  const running = (): SimHandle => {
    if (!handle) throw new Error('the simulator starts in beforeAll');
    return handle;
  };
  return {
    get sim() {
      return running().sim;
    },
    get simClock() {
      return running().simClock;
    },
    get dir() {
      return running().dir;
    },
    get requests() {
      return running().requests;
    },
    close: () => running().close(),
  };
}

/**
 * The DMS calls in the simulator's request log. A check that a bad call never reached the host
 * counts these only: the sign-in's last line may be logged after a test cleared the log, since
 * the host logs a request once its reply has gone out.
 */
export function dmsCallsSeen(sim: SimHandle): Array<Record<string, unknown>> {
  return sim.requests.filter((r) => String(r['path']).startsWith('/api/v1/dms'));
}

/**
 * Before each test: the seed data again and an empty request log; with `freshStep` (the default)
 * a fresh 30-second TOTP step too, since a step is accepted once per user.
 */
export function reseedEachTest(sim: SimHandle, { freshStep = true } = {}): void {
  beforeEach(async () => {
    await sim.sim.seed();
    if (freshStep) sim.simClock.advance(30_000);
    sim.requests.length = 0;
  });
}

/** A fresh core on `sim` for each test, closed after it; the handle reads the current one. */
export function coreForEachTest(sim: SimHandle): CoreHandle {
  let handle: CoreHandle | undefined;
  beforeEach(async () => {
    handle = await startCore(sim);
  });
  afterEach(async () => {
    await handle?.close();
    handle = undefined;
  });
  const current = (): CoreHandle => {
    if (!handle) throw new Error('the core starts in beforeEach');
    return handle;
  };
  return {
    get core() {
      return current().core;
    },
    get clock() {
      return current().clock;
    },
    get userDataDir() {
      return current().userDataDir;
    },
    get events() {
      return current().events;
    },
    ok: (name, input) => current().ok(name, input),
    fail: (name, input) => current().fail(name, input),
    close: () => current().close(),
  };
}

/** A core under test with its own user data folder, recording its events. */
export interface CoreHandle {
  core: Core;
  clock: ManualClock;
  userDataDir: string;
  events: { name: EventName; payload: unknown }[];
  /** Calls and expects success. */
  ok<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Calls and expects failure, returning the error. */
  fail(name: CallName, input: unknown): Promise<AppError>;
  close(): Promise<void>;
}

/**
 * Builds a core pointed at the simulator (or nowhere). `policy` (an object, or raw text for a
 * corrupt file) is written as the machine policy file; without it the policy file does not exist.
 */
export async function startCore(
  sim: SimHandle | null,
  over: Partial<CoreOptions> = {},
  policy?: unknown,
): Promise<CoreHandle> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'ccms-core-it-user-'));
  const policyPath = join(userDataDir, 'policy.json');
  if (policy !== undefined) {
    await writeFile(policyPath, typeof policy === 'string' ? policy : JSON.stringify(policy));
  }
  const clock = new ManualClock(sim ? sim.simClock.now() : Date.now());
  const core = await createCore({
    mode: 'browser',
    appVersion: '0.0.0-test',
    userDataDir,
    machinePolicyPath: policyPath,
    clock,
    // Its own name in the keychain: other test files share this keyring session.
    workstationName: basename(userDataDir),
    ...(sim && { simulatorHost: { url: sim.sim.url, caCertPem: sim.sim.caCertPem } }),
    ...over,
  });
  const events: CoreHandle['events'] = [];
  core.onEvent((name, payload) => events.push({ name, payload }));
  return {
    core,
    clock,
    userDataDir,
    events,
    async ok(name, input) {
      const res = await core.call(name, input);
      if (!res.ok) throw new Error(`${name} failed: ${res.error.code} ${res.error.message}`);
      return res.value as never;
    },
    async fail(name, input) {
      const res = await core.call(name, input);
      expect(res.ok, `${name} was expected to fail`).toBe(false);
      return (res as { ok: false; error: AppError }).error;
    },
    async close() {
      await core.dispose();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Moves the simulator's and the core's clocks together. */
export function advance(sim: SimHandle, c: CoreHandle, ms: number): void {
  sim.simClock.advance(ms);
  c.clock.advance(ms);
}

/** Password + TOTP sign-in of a seeded TOTP user through the bridge. */
export async function signInTotp(
  sim: SimHandle,
  c: CoreHandle,
  userId: string,
  password: string,
): Promise<AuthState> {
  const otp = await c.ok('login', { userId, password });
  expect(otp).toMatchObject({ step: 'otp', channel: 'totp', userId });
  return c.ok('submitOtp', { code: sim.sim.currentTotp(userId) });
}

/** The seed users' demo passwords (simulator/store/seed.ts), never real ones. */
export { SEED_PASSWORDS };
