import { create } from 'zustand';
import type { AppError, HistoryExported, WorkstationHistory } from '../../shared/index.js';
import { callBridge } from '../bridge/bridge.js';

/** The settings section of this workstation's history: the entries read, and the CSV export. */
export interface HistoryState {
  history: WorkstationHistory | null;
  loading: boolean;
  loadError: AppError | null;
  exporting: boolean;
  exported: HistoryExported | null;
  exportError: AppError | null;
  /** Reads the history (newest first) from the core. */
  load(): Promise<void>;
  /** Saves the whole history as CSV beside the saved reports. */
  exportCsv(): Promise<void>;
  reset(): void;
}

const initial = {
  history: null,
  loading: false,
  loadError: null,
  exporting: false,
  exported: null,
  exportError: null,
};

/** One store for the workstation history. */
export const useHistoryStore = create<HistoryState>()((set, get) => ({
  ...initial,
  async load() {
    set({ loading: true, loadError: null });
    const result = await callBridge('getWorkstationHistory', {});
    if (result.ok) set({ loading: false, history: result.value });
    else set({ loading: false, loadError: result.error });
  },
  async exportCsv() {
    if (get().exporting) return;
    set({ exporting: true, exported: null, exportError: null });
    const result = await callBridge('exportWorkstationHistory', {});
    if (result.ok) set({ exporting: false, exported: result.value });
    else set({ exporting: false, exportError: result.error });
  },
  reset() {
    set(initial);
  },
}));
