import { create } from 'zustand';
import type { AppError, DiagnosticReport, DiagnosticStep } from '../../shared/index.js';
import { DIAGNOSTIC_STEP_IDS } from '../../shared/values.js';
import { callBridge, onBridgeEvent } from '../bridge/bridge.js';

/** Where the connectivity check is. */
export type DiagnosticsStatus = 'idle' | 'running' | 'done' | 'error';
/** How copying the report to the clipboard went. */
export type CopyStatus = 'idle' | 'copied' | 'failed';

/** The connectivity check screen's state: live steps, the final report, copy and save outcomes. */
export interface DiagnosticsState {
  status: DiagnosticsStatus;
  /** One entry per step, in the check's order, updated live from `diagnosticsProgress`. */
  steps: DiagnosticStep[];
  report: DiagnosticReport | null;
  error: AppError | null;
  copyStatus: CopyStatus;
  saving: boolean;
  savedPath: string | null;
  saveError: AppError | null;
  /** Runs the check; progress events update `steps` while it runs. */
  run(): Promise<void>;
  /** Copies the report text through the given clipboard writer (navigator.clipboard in the app). */
  copyReport(write: (text: string) => Promise<void>): Promise<void>;
  /** Saves the report through the main process and keeps the path it was written to. */
  saveReport(): Promise<void>;
  reset(): void;
}

const ORDER = DIAGNOSTIC_STEP_IDS;

/** Puts a step in its place: the check's order is fixed, whatever order events arrive in. */
function mergeStep(steps: DiagnosticStep[], step: DiagnosticStep): DiagnosticStep[] {
  const others = steps.filter((s) => s.id !== step.id);
  return [...others, step].sort((a, b) => ORDER.indexOf(a.id) - ORDER.indexOf(b.id));
}

const initial = {
  status: 'idle' as DiagnosticsStatus,
  steps: [] as DiagnosticStep[],
  report: null,
  error: null,
  copyStatus: 'idle' as CopyStatus,
  saving: false,
  savedPath: null,
  saveError: null,
};

/** One store for the connectivity check. */
export const useDiagnosticsStore = create<DiagnosticsState>()((set, get) => ({
  ...initial,
  async run() {
    if (get().status === 'running') return;
    set({ ...initial, status: 'running' });
    const off = onBridgeEvent('diagnosticsProgress', (step) => {
      // A late event after the report arrived must not overwrite the final result.
      if (get().status !== 'running') return;
      set({ steps: mergeStep(get().steps, step) });
    });
    try {
      const result = await callBridge('runDiagnostics', {});
      if (result.ok) {
        set({ status: 'done', report: result.value, steps: result.value.steps });
      } else {
        set({ status: 'error', error: result.error });
      }
    } finally {
      off();
    }
  },
  async copyReport(write) {
    const report = get().report;
    if (!report) return;
    try {
      await write(report.text);
      set({ copyStatus: 'copied' });
    } catch {
      // The clipboard can be refused by policy or focus rules; the text stays visible to copy by hand.
      set({ copyStatus: 'failed' });
    }
  },
  async saveReport() {
    const report = get().report;
    if (!report || get().saving) return;
    set({ saving: true, savedPath: null, saveError: null });
    const result = await callBridge('saveDiagnostics', { text: report.text });
    if (result.ok) set({ saving: false, savedPath: result.value.path });
    else set({ saving: false, saveError: result.error });
  },
  reset() {
    set(initial);
  },
}));

/** Counts of each outcome, for the summary line. */
export function selectDiagnosticsSummary(s: Pick<DiagnosticsState, 'steps'>): {
  pass: number;
  warn: number;
  fail: number;
  skipped: number;
} {
  const count = (status: DiagnosticStep['status']) =>
    s.steps.filter((x) => x.status === status).length;
  return {
    pass: count('pass'),
    warn: count('warn'),
    fail: count('fail'),
    skipped: count('skipped'),
  };
}
