import { create } from 'zustand';
import type { AppError, DmsAuditEntry, DmsAuditFilter, DmsAuditSaved } from '../../shared/index.js';
import { callBridge } from '../bridge/bridge.js';

/** The DMS console's audit view: the entries of the chosen filters, and the last export. */
export interface DmsAuditState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  filter: DmsAuditFilter;
  entries: DmsAuditEntry[];
  /** More entries match than the host sent. */
  truncated: boolean;
  loadError: AppError | null;
  exporting: boolean;
  saved: DmsAuditSaved | null;
  exportError: AppError | null;
  /** Loads the entries of `filter` (the current filter when none is given). */
  load(filter?: DmsAuditFilter): Promise<void>;
  /** Saves the current filter's entries as a CSV file (the core writes it). */
  exportCsv(): Promise<void>;
  reset(): void;
}

const initial = {
  status: 'idle' as DmsAuditState['status'],
  filter: {} as DmsAuditFilter,
  entries: [] as DmsAuditEntry[],
  truncated: false,
  loadError: null,
  exporting: false,
  saved: null,
  exportError: null,
};

/** One store for the DMS audit view. */
export const useDmsAuditStore = create<DmsAuditState>()((set, get) => ({
  ...initial,
  async load(filter = get().filter) {
    set({ status: 'loading', filter, loadError: null, saved: null, exportError: null });
    const result = await callBridge('dmsAudit', filter);
    // A newer choice of filter wins over an answer to an older one.
    if (get().filter !== filter) return;
    if (!result.ok) return set({ status: 'error', loadError: result.error });
    set({ status: 'ready', entries: result.value.entries, truncated: result.value.truncated });
  },
  async exportCsv() {
    if (get().exporting) return;
    set({ exporting: true, saved: null, exportError: null });
    const result = await callBridge('dmsExportAudit', get().filter);
    if (result.ok) set({ exporting: false, saved: result.value });
    else set({ exporting: false, exportError: result.error });
  },
  reset() {
    set(initial);
  },
}));
