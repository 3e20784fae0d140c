import type { IncomingHttpHeaders } from 'node:http';
import { request, Agent } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type TLSSocket } from 'node:tls';
import {
  ManualClock,
  startSimulator,
  type RunningSimulator,
  type SimSettings,
} from '../../../simulator/index.js';
import { SEED_PASSWORDS } from '../../../simulator/store/seed.js';

/** A reply as the test sees it. */
export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  raw: string;
  headers: IncomingHttpHeaders;
}

/** A simulator on a random port with its own data folder and a manual clock, and a client for it. */
export interface TestHost {
  sim: RunningSimulator;
  clock: ManualClock;
  dataDir: string;
  call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<Reply>;
  /** Sends a raw body string with the given content type. */
  raw(method: 'GET' | 'POST', path: string, body: string, contentType?: string): Promise<Reply>;
  close(): Promise<void>;
}

// A fixed, step-aligned start (mid-step) so TOTP step arithmetic in tests is predictable.
export const T0 = Date.UTC(2026, 0, 5, 1, 0, 15);

/** Starts a simulator trusting its generated CA over real HTTPS. */
export async function startHost(
  settings: Partial<SimSettings> = {},
  dataDir?: string,
  log?: (line: Record<string, unknown>) => void,
  startMs = T0,
): Promise<TestHost> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'ccms-sim-'));
  const clock = new ManualClock(startMs);
  const sim = await startSimulator({
    dataDir: dir,
    port: 0,
    clock,
    settings,
    ...(log ? { log } : {}),
  });
  const agent = new Agent({ ca: sim.caCertPem, keepAlive: true });
  const send = (
    method: string,
    path: string,
    payload: string | undefined,
    headers: Record<string, string>,
  ): Promise<Reply> =>
    new Promise((resolve, reject) => {
      const req = request(`${sim.url}/api/v1${path}`, { method, agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          let body: unknown;
          try {
            body = raw ? JSON.parse(raw) : undefined;
          } catch {
            body = raw;
          }
          resolve({ status: res.statusCode ?? 0, body, raw, headers: res.headers });
        });
      });
      req.on('error', reject);
      if (payload !== undefined) req.setHeader('content-length', Buffer.byteLength(payload));
      req.end(payload);
    });
  return {
    sim,
    clock,
    dataDir: dir,
    call: (method, path, body, token, headers = {}) =>
      send(method, path, body === undefined ? undefined : JSON.stringify(body), {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      }),
    raw: (method, path, body, contentType = 'application/json') =>
      send(method, path, body, { 'content-type': contentType }),
    async close() {
      agent.destroy();
      await sim.close();
      if (dataDir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The seed users' demo passwords (simulator/store/seed.ts), never real ones. */
export { SEED_PASSWORDS };

/** Moves past the current TOTP step so the next code is a fresh one (codes are single use). */
export function nextStep(host: TestHost): void {
  host.clock.advance(30_000);
}

/** Password + TOTP: returns the session token. */
export async function signInTotp(
  host: TestHost,
  userId: string,
  password = SEED_PASSWORDS[userId] ?? '',
): Promise<string> {
  const login = await host.call('POST', '/auth/login', { userId, password });
  if (login.status !== 200 || login.body.next !== 'otp')
    throw new Error(`login ${userId}: ${login.raw}`);
  const otp = await host.call('POST', '/auth/otp', {
    challengeId: login.body.challengeId,
    code: host.sim.currentTotp(userId),
  });
  if (otp.status !== 200) throw new Error(`otp ${userId}: ${otp.raw}`);
  nextStep(host);
  return otp.body.session.token as string;
}

/** The newest mail's code for a user. */
export async function latestCode(host: TestHost, userId: string): Promise<string> {
  const [mail] = await host.sim.outbox(userId);
  if (mail?.code === undefined) throw new Error(`no mail with a code for ${userId}`);
  return mail.code;
}

/** A TLS connection to the simulator, below HTTP (to send it bytes no HTTP client would). */
export async function openTls(host: TestHost): Promise<TLSSocket> {
  const url = new URL(host.sim.url);
  const socket = connect({
    host: url.hostname,
    port: Number(url.port),
    ca: host.sim.caCertPem,
    servername: 'localhost',
  });
  await new Promise<void>((resolve) => socket.once('secureConnect', () => resolve()));
  return socket;
}

/** Everything the simulator sends on `socket` until it closes it. */
export function answerOf(socket: TLSSocket): Promise<string> {
  return new Promise((resolve) => {
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('utf8')));
    socket.once('close', () => resolve(answer));
  });
}

/** Sends `bytes` on a fresh TLS connection; the simulator's whole answer. */
export async function sendRaw(host: TestHost, bytes: string): Promise<string> {
  const socket = await openTls(host);
  const answer = answerOf(socket);
  socket.write(bytes);
  return answer;
}
