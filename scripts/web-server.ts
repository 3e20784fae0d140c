// Browser mode: the same electron/core behind a loopback WebSocket, the renderer served to a
// browser. A composition root, like electron/main.ts. Never shipped in the installer.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WsRequestFrame, appError, parse } from '../shared/index.js';
import { CONTENT_SECURITY_POLICY } from '../electron/app-origin.js';
import { createCore, type Core, type CoreOptions } from '../electron/core/index.js';
import {
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../simulator/index.js';

/** How browser mode is started. */
export interface BrowserModeOptions {
  /** Port on 127.0.0.1; 0 for a random one. */
  port: number;
  /** The built renderer (vite build output). */
  rendererDir: string;
  /** Where the core keeps user settings and logs. */
  userDataDir: string;
  /** Start the embedded simulator with these options; null when the policy names the hosts. */
  simulator: SimulatorOptions | null;
  /** Machine policy file override (tests). */
  machinePolicyPath?: string;
  appVersion: string;
  /** How often the core probes the host (tests: faster than the default minute). */
  hostProbe?: CoreOptions['hostProbe'];
  /** The workstation's name in the keychain (tests: one per app); default the computer name. */
  workstationName?: string;
}

/** A running browser-mode app. */
export interface BrowserMode {
  /** The URL to open, carrying the per-run token in its fragment. */
  url: string;
  origin: string;
  core: Core;
  sim: RunningSimulator | null;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/**
 * The Electron window's CSP (electron/app-origin.ts), with what differs in a browser: scripts
 * from this origin (there is no app:// scheme) and the loopback socket as the only connection.
 */
function csp(origin: string): string {
  const ws = origin.replace(/^http/, 'ws');
  return CONTENT_SECURITY_POLICY.replace(/script-src [^;]+/, "script-src 'self'").replace(
    /connect-src [^;]+/,
    `connect-src ${ws}`,
  );
}

function serveStatic(root: string, origin: string) {
  const base = resolve(root);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const pathname = decodeURIComponent(new URL(req.url ?? '/', origin).pathname);
    const file = normalize(join(base, pathname === '/' ? 'index.html' : pathname));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': csp(origin),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-store',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  };
}

function tokenMatches(expected: Buffer, given: string | null): boolean {
  if (!given) return false;
  const got = Buffer.from(given);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** Serves one socket: each frame is a bridge call; events are pushed as they come. */
function serveSocket(ws: WebSocket, core: Core): void {
  const stop = core.onEvent((event, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event, payload }));
  });
  ws.on('close', stop);
  // A broken frame (invalid UTF-8, over maxPayload, a protocol error) is an 'error' event; with
  // no listener it would end the process, the core and the embedded simulator with it. ws has
  // already started closing the connection with the right code (1007, 1009, 1002): only it goes.
  ws.on('error', (err: Error & { code?: string }) => {
    core.log.warn('browser-mode socket closed on a bad frame', { code: err.code ?? 'error' });
    ws.terminate();
  });
  ws.on('message', async (raw) => {
    let data: unknown;
    try {
      data = JSON.parse(String(raw));
    } catch {
      return; // a frame that is not JSON has no id to answer to
    }
    const frame = parse(WsRequestFrame, data);
    if (!frame.ok) {
      const id = (data as { id?: unknown } | null)?.id;
      if (typeof id === 'number') {
        const error = appError('BRIDGE_INVALID', `Bad bridge frame: ${frame.issues.join('; ')}`);
        ws.send(JSON.stringify({ id, result: { ok: false, error } }));
      }
      return;
    }
    const result = await core.call(frame.value.call, frame.value.input);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: frame.value.id, result }));
  });
}

/** Starts browser mode: the embedded simulator (unless told otherwise), the core, the server. */
export async function startBrowserMode(opts: BrowserModeOptions): Promise<BrowserMode> {
  const sim = opts.simulator ? await startSimulator(opts.simulator) : null;
  const core = await createCore({
    mode: 'browser',
    appVersion: opts.appVersion,
    userDataDir: opts.userDataDir,
    ...(opts.machinePolicyPath ? { machinePolicyPath: opts.machinePolicyPath } : {}),
    ...(sim ? { simulatorHost: { url: sim.url, caCertPem: sim.caCertPem } } : {}),
    versions: { node: process.versions.node, v8: process.versions.v8 },
    ...(opts.hostProbe && { hostProbe: opts.hostProbe }),
    ...(opts.workstationName !== undefined && { workstationName: opts.workstationName }),
  });
  const token = randomBytes(32).toString('base64url');
  const expected = Buffer.from(token);
  let origin = '';
  // What a page from this server sends as Host (set once the port is known).
  let host = '';
  let handler: ReturnType<typeof serveStatic> | null = null;
  const server = createServer((req, res) => {
    if (!handler) return void res.writeHead(503).end();
    if (!hostMatches(req)) return void res.writeHead(403).end();
    handler(req, res).catch(() => res.writeHead(500).end());
  });
  // A page on another name that resolves to 127.0.0.1 (DNS rebinding) sends its own name as Host.
  const hostMatches = (req: IncomingMessage) => req.headers.host === host;
  server.on('clientError', (_err, socket) => socket.destroy());
  const wss = new WebSocketServer({ noServer: true, maxPayload: 2 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', origin);
    // A page from any other origin must not drive the core, even with the token.
    const okOrigin = req.headers.origin === origin && hostMatches(req);
    if (
      url.pathname !== '/bridge' ||
      !okOrigin ||
      !tokenMatches(expected, url.searchParams.get('token'))
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, core));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, '127.0.0.1', () => ok());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;
  handler = serveStatic(opts.rendererDir, origin);
  return {
    url: `${origin}/#token=${token}`,
    origin,
    core,
    sim,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      await core.dispose();
      await sim?.close();
    },
  };
}
