// The preload: exposes `window.ccms` (the bridge contract's CcmsBridge) and nothing else. No
// ipcRenderer, no event objects, no Node: two functions that forward to the main process, which
// checks the sender and validates every call.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CcmsBridge } from '../shared/bridge.js';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/ipc-channels.js';

const bridge: CcmsBridge = {
  call: (name, input) => ipcRenderer.invoke(IPC_CALL_CHANNEL, name, input),
  on(name, listener) {
    const handler = (_event: IpcRendererEvent, eventName: unknown, payload: unknown) => {
      if (eventName === name) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('ccms', bridge);
