import { create } from 'zustand';
import type { HostStatus } from '../../shared/index.js';
import { callBridge, onBridgeEvent } from '../bridge/bridge.js';

/** The core's view of the host: connection and announced maintenance (HostStatusMonitor). */
export interface HostStatusStore {
  status: HostStatus;
  /** Fetches the current status and follows the core's `hostStatus` events; returns a stop. */
  start(): Promise<() => void>;
}

export const useHostStatusStore = create<HostStatusStore>()((set) => ({
  status: { connection: 'unknown', maintenance: [] },
  async start() {
    const stop = onBridgeEvent('hostStatus', (status) => set({ status }));
    const current = await callBridge('getHostStatus', {});
    if (current.ok) set({ status: current.value });
    return stop;
  },
}));

/** Whether the host cannot be reached now (the core keeps trying). */
export const selectReconnecting = (s: HostStatusStore): boolean =>
  s.status.connection === 'reconnecting';
