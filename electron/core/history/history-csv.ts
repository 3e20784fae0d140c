// The workstation history as CSV for IT or a compliance officer: RFC 4180 (a header, CRLF, fields
// with a comma, quote or line break quoted, quotes doubled), each time in ISO 8601 (UTC) and in
// Hong Kong time, and no cell a spreadsheet would run as a formula.
import type { HistoryEntry } from '../../../shared/bridge.js';

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

const hongKong = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Hong_Kong',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `2026-12-01 16:34:05` in Hong Kong time, whatever the workstation's zone. */
export function hongKongTime(iso: string): string {
  const parts = hongKong.formatToParts(Date.parse(iso));
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')}`;
}

/**
 * One cell: a value a spreadsheet would read as a formula (= + - @, or a tab or CR first) gets a
 * leading apostrophe (OWASP "CSV injection"); then RFC 4180 quoting where needed.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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
  const lines = [HISTORY_CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const cells = row(entry);
    lines.push(HISTORY_CSV_COLUMNS.map((c) => csvCell(cells[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
