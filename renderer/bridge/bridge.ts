import { appError } from '../../shared/app-error.js';
import type {
  BridgeResult,
  CallInput,
  CallName,
  CallOutput,
  CcmsBridge,
  EventName,
  EventPayload,
} from '../../shared/index.js';
import { createWsBridge } from './ws-bridge.js';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts; absent in browser mode. */
    ccms?: CcmsBridge;
  }
}

const TOKEN_KEY = 'ccms.bridgeToken';

/** Browser mode: the token comes once in the URL fragment, then lives for this tab only. */
function browserModeUrl(): string | null {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    // Keep the token out of the address bar, screenshots and history.
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  const token = fromHash ?? sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/bridge?token=${encodeURIComponent(token)}`;
}

let bridge: CcmsBridge | null = null;

/** The bridge to the main process: `window.ccms` in Electron, a WebSocket in browser mode. */
export function getBridge(): CcmsBridge {
  if (bridge) return bridge;
  if (window.ccms) {
    bridge = window.ccms;
    return bridge;
  }
  const url = browserModeUrl();
  bridge = url ? createWsBridge(url) : missingBridge;
  return bridge;
}

/** A bridge for a page opened without Electron and without the browser-mode token. */
const missingBridge: CcmsBridge = {
  call: async () => ({
    ok: false,
    error: appError(
      'BRIDGE_DISCONNECTED',
      'Open CCMS Terminal from the URL that `npm run web` printed (it carries the access token).',
    ),
  }),
  on: () => () => undefined,
};

/** Calls the main process; never throws: errors come back as values. */
export function callBridge<K extends CallName>(
  name: K,
  input: CallInput<K>,
): Promise<BridgeResult<CallOutput<K>>> {
  return getBridge().call(name, input);
}

/** Listens to an event from the main process; returns the function that stops listening. */
export function onBridgeEvent<K extends EventName>(
  name: K,
  listener: (payload: EventPayload<K>) => void,
): () => void {
  return getBridge().on(name, listener);
}
