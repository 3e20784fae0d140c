import { appError } from '../../shared/app-error.js';
import type { BridgeResult, CallName, CcmsBridge } from '../../shared/index.js';
import { readServerFrame } from './ws-frame.js';

/** How long a bridge call may wait for the main process before it is given up. */
const CALL_TIMEOUT_MS = 60_000;

type Pending = {
  resolve: (r: BridgeResult<unknown>) => void;
  timer: ReturnType<typeof setTimeout>;
};

/**
 * The browser-mode transport: the same contract as Electron's preload, over a loopback WebSocket
 * guarded by the per-run token the server printed in the URL. Reconnects after a drop; calls made
 * while disconnected fail at once with BRIDGE_DISCONNECTED rather than hang.
 */
export function createWsBridge(url: string): CcmsBridge {
  let socket: WebSocket | null = null;
  let opening: Promise<WebSocket> | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // Proxy sign-in prompts the core has open: the host call behind one waits for the user, so
  // no call times out while one is open (electron/core/network/proxy-auth-broker.ts).
  const proxyPrompts = new Set<string>();

  const failAll = (message: string): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer);
      p.resolve({ ok: false, error: appError('BRIDGE_DISCONNECTED', message) });
      pending.delete(id);
    }
  };

  const onMessage = (event: MessageEvent): void => {
    const frame = readServerFrame(String(event.data));
    if (!frame) return; // not ours: ignore rather than crash the app
    if (frame.kind === 'result') {
      const p = pending.get(frame.id);
      if (!p) return;
      pending.delete(frame.id);
      clearTimeout(p.timer);
      p.resolve(frame.result);
      return;
    }
    const { event: name, payload } = frame;
    const id = (payload as { id?: unknown } | null)?.id;
    if (name === 'proxyAuthRequired' && typeof id === 'string') proxyPrompts.add(id);
    if (name === 'proxyAuthEnded' && typeof id === 'string') proxyPrompts.delete(id);
    for (const l of listeners.get(name) ?? []) l(payload);
  };

  const open = (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    if (opening) return opening;
    opening = new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.addEventListener('open', () => {
        socket = ws;
        opening = null;
        resolve(ws);
      });
      ws.addEventListener('message', onMessage);
      ws.addEventListener('close', () => {
        if (socket === ws) socket = null;
        opening = null;
        proxyPrompts.clear();
        failAll('The connection to the CCMS Terminal core was lost.');
        reject(new Error('closed'));
      });
      ws.addEventListener('error', () => ws.close());
    });
    return opening;
  };

  return {
    async call(name, input) {
      let ws: WebSocket;
      try {
        ws = await open();
      } catch {
        return {
          ok: false,
          error: appError('BRIDGE_DISCONNECTED', 'The CCMS Terminal core cannot be reached.'),
        };
      }
      const id = nextId++;
      return new Promise((resolve) => {
        const giveUp = (): void => {
          const p = pending.get(id);
          if (p && proxyPrompts.size > 0) {
            p.timer = setTimeout(giveUp, CALL_TIMEOUT_MS);
            return;
          }
          pending.delete(id);
          resolve({
            ok: false,
            error: appError('BRIDGE_DISCONNECTED', `No answer to ${name} in time.`),
          });
        };
        const timer = setTimeout(giveUp, CALL_TIMEOUT_MS);
        pending.set(id, { resolve: resolve as Pending['resolve'], timer });
        ws.send(JSON.stringify({ id, call: name satisfies CallName, input }));
      });
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set);
      const l = listener as (payload: unknown) => void;
      set.add(l);
      // Events only flow on an open socket: open one even before the first call.
      void open().catch(() => undefined);
      return () => set.delete(l);
    },
  };
}
