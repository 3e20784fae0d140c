// The Electron transport of the bridge, and the only file that touches ipcMain (lint enforces it).
// Every call is checked for its sender before anything else: our app:// origin, the main frame of
// a window we created. The router behind it validates names and shapes with the contract's zod
// schemas, on input and on output.
import { ipcMain, type WebContents } from 'electron';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type BridgeResult } from '../shared/bridge.js';
import { appError } from '../shared/errors.js';
import { isAppUrl, isTrustedSender } from './app-origin.js';

/** What the transport needs of the core. */
export interface TransportCore {
  call(name: string, input: unknown): Promise<BridgeResult<unknown>>;
  onEvent(listener: (name: string, payload: unknown) => void): () => void;
}

/** The bridge over IPC; `attach` admits a window's web contents, `dispose` unregisters all. */
export interface IpcTransport {
  attach(contents: WebContents): void;
  dispose(): void;
}

/** Registers the call channel and forwards core events to admitted windows. */
export function setupIpcTransport(core: TransportCore): IpcTransport {
  const admitted = new Set<WebContents>();
  ipcMain.handle(
    IPC_CALL_CHANNEL,
    async (event, name: unknown, input: unknown): Promise<BridgeResult<unknown>> => {
      if (!isTrustedSender(event.senderFrame, event.sender.mainFrame, admitted.has(event.sender))) {
        return {
          ok: false,
          error: appError('FORBIDDEN', 'Bridge call refused: it did not come from the app window.'),
        };
      }
      if (typeof name !== 'string') {
        return {
          ok: false,
          error: appError('BRIDGE_INVALID', 'Bridge call name must be a string.'),
        };
      }
      try {
        return await core.call(name, input);
      } catch {
        // The core answers with values and never throws; should it ever, the page gets a value too.
        return {
          ok: false,
          error: appError('INTERNAL', 'An internal error occurred in the terminal.'),
        };
      }
    },
  );
  const off = core.onEvent((name, payload) => {
    for (const contents of admitted) {
      // An event goes only to a page of our origin (never to whatever a window might show).
      if (!contents.isDestroyed() && isAppUrl(contents.getURL()))
        contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  return {
    attach(contents) {
      admitted.add(contents);
      contents.once('destroyed', () => admitted.delete(contents));
    },
    dispose() {
      off();
      ipcMain.removeHandler(IPC_CALL_CHANNEL);
      admitted.clear();
    },
  };
}
