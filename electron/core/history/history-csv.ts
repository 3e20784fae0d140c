// The workstation history as CSV for IT or a compliance officer (files/csv.ts: RFC 4180, Hong
// Kong time beside UTC, no formula cells).
import type { HistoryEntry } from '../../../shared/bridge.js';
import { csvText, hongKongTime } from '../files/csv.js';

/** The columns, in order. */
export const HISTORY_CSV_COLUMNS = [
  'time_utc',
  'time_hong_kong',
  'event',
  'user_id',
  'environment',
  'channel',
  'step',
  'code',
  'reason',
  'request_id',
  'dms_action',
  'target_user_id',
] as const;

type Column = (typeof HISTORY_CSV_COLUMNS)[number];

function row(entry: HistoryEntry): Record<Column, string> {
  const cells: Record<Column, string> = {
    time_utc: entry.at,
    time_hong_kong: hongKongTime(entry.at),
    event: entry.kind,
    user_id: 'userId' in entry ? (entry.userId ?? '') : '',
    environment: 'environment' in entry ? entry.environment : '',
    channel: '',
    step: '',
    code: '',
    reason: '',
    request_id: '',
    dms_action: '',
    target_user_id: '',
  };
  switch (entry.kind) {
    case 'signedIn':
      cells.channel = entry.channel ?? '';
      cells.reason = entry.initialization ? 'initialization' : '';
      break;
    case 'signInFailed':
      cells.step = entry.step;
      cells.code = entry.code;
      break;
    case 'unlockFailed':
      cells.code = entry.code;
      break;
    case 'signedOut':
      cells.reason = entry.reason;
      break;
    case 'locked':
    case 'historyRestarted':
      cells.reason = entry.cause;
      break;
    case 'dmsRequested':
    case 'dmsApproved':
    case 'dmsRejected':
      cells.request_id = entry.requestId;
      cells.dms_action = entry.action;
      cells.target_user_id = entry.targetUserId;
      break;
    case 'unlocked':
      break;
  }
  return cells;
}

/** The whole CSV, entries in the order given, CRLF after every record. */
export function historyCsv(entries: HistoryEntry[]): string {
  return csvText(
    HISTORY_CSV_COLUMNS,
    entries.map((entry) => {
      const cells = row(entry);
      return HISTORY_CSV_COLUMNS.map((c) => cells[c]);
    }),
  );
}
