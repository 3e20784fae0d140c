// Browser mode's loopback socket for the tests that attack it (test/security, test/fuzz): one
// browser mode with no simulator per test file, and connections to its bridge as the page makes them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { startBrowserMode, type BrowserMode } from '../../scripts/web-server.js';

/** The running browser mode and its bridge socket. */
export interface SocketApp {
  readonly app: BrowserMode;
  /** The per-run token of the page's URL. */
  readonly token: string;
  /** The bridge's WebSocket URL with the right token. */
  readonly bridgeUrl: string;
  /** Opens a bridge socket as the page does (its Origin, the token), with extra `headers`. */
  open(headers?: Record<string, string>): Promise<WebSocket>;
}

/** Starts browser mode (no simulator) before the file's first test and closes it after its last. */
export function browserModeForFile(appVersion: string, dirPrefix = 'ccms-ws-'): SocketApp {
  let running: { app: BrowserMode; token: string; base: string } | undefined;
  beforeAll(async () => {
    const base = await mkdtemp(join(tmpdir(), dirPrefix));
    const app = await startBrowserMode({
      port: 0,
      rendererDir: resolve(import.meta.dirname, '../../renderer'),
      userDataDir: join(base, 'user'),
      simulator: null,
      machinePolicyPath: join(base, 'no-policy.json'),
      appVersion,
    });
    running = { app, token: new URL(app.url).hash.replace('#token=', ''), base };
  });
  afterAll(async () => {
    if (!running) return;
    await running.app.close();
    await rm(running.base, { recursive: true, force: true });
  });
  const now = () => {
    if (!running) throw new Error('browser mode starts in beforeAll');
    return running;
  };
  const socket: SocketApp = {
    get app() {
      return now().app;
    },
    get token() {
      return now().token;
    },
    get bridgeUrl() {
      const { app, token } = now();
      return `${app.origin.replace('http', 'ws')}/bridge?token=${token}`;
    },
    open(headers = {}) {
      const ws = new WebSocket(socket.bridgeUrl, {
        headers: { Origin: now().app.origin, ...headers },
      });
      return new Promise((ok, fail) => {
        ws.once('open', () => ok(ws));
        ws.once('error', fail);
        ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
      });
    },
  };
  return socket;
}
