// The DMS audit as a CSV file a DA opens in a spreadsheet (files/csv.ts: RFC 4180, Hong Kong
// time beside UTC, no formula cells).
import type { DmsAuditEntry } from '../../../shared/protocol.js';
import { csvText, hongKongTime } from '../files/csv.js';

/** The header row: what each column holds. */
export const AUDIT_CSV_COLUMNS = [
  'time_utc',
  'time_hong_kong',
  'event',
  'action',
  'user_id',
  'actor_id',
  'request_id',
  'detail',
] as const;

/** The audit entries as CSV text, header first, one row per entry, CRLF after every row. */
export function auditCsv(entries: readonly DmsAuditEntry[]): string {
  const rows = entries.map((e) => [
    e.at,
    hongKongTime(e.at),
    e.event,
    e.action,
    e.userId,
    e.actorId,
    e.requestId,
    e.detail ?? '',
  ]);
  return csvText(AUDIT_CSV_COLUMNS, rows);
}
