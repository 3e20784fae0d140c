// The bridge calls of this workstation's history: read it, and export it as CSV through the same
// file-saving path as the connectivity report and the support bundle (diagnostics/saved-file.ts).
import { join } from 'node:path';
import type { BridgeHandlers } from '../bridge/router.js';
import { saveTextFile } from '../files/save-text-file.js';
import { historyCsv } from './history-csv.js';
import type { HistoryStore } from './history-store.js';

/** What the history's handlers use. */
export interface HistoryHandlerDeps {
  history: Pick<HistoryStore, 'entries' | 'bounds'>;
  /** The saved files go to its diagnostics/ folder, beside the reports. */
  userDataDir: string;
  clock: { now(): number };
}

type HistoryCalls = Pick<BridgeHandlers, 'getWorkstationHistory' | 'exportWorkstationHistory'>;

/** `getWorkstationHistory` and `exportWorkstationHistory`. */
export function createHistoryHandlers(d: HistoryHandlerDeps): HistoryCalls {
  const dir = join(d.userDataDir, 'diagnostics');
  return {
    getWorkstationHistory: async () => ({ entries: d.history.entries(), ...d.history.bounds() }),
    exportWorkstationHistory: async () => {
      const entries = d.history.entries();
      const path = await saveTextFile(
        dir,
        { prefix: 'ccms-workstation-history', extension: 'csv', what: 'the history' },
        historyCsv(entries),
        d.clock.now(),
      );
      return { path, entries: entries.length };
    },
  };
}
