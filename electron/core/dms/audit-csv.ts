// The DMS audit as a CSV file a DA opens in a spreadsheet: RFC 4180 (CRLF, a header row, a field
// quoted when it holds a comma, a quote or a line break, quotes doubled), and no cell a
// spreadsheet would run as a formula (OWASP "CSV injection").
import type { DmsAuditEntry } from '../../../shared/protocol.js';

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

// Hong Kong has kept UTC+8 all year since 1979: local time is a fixed offset.
const HONG_KONG_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO time as Hong Kong local time, `2026-12-01 16:34:05`. */
export function hongKongTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + HONG_KONG_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * One CSV field. A value a spreadsheet would read as a formula (starting with = + - @, a tab or
 * a carriage return) gets a leading apostrophe, so it shows as text and never runs.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

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
  return [[...AUDIT_CSV_COLUMNS], ...rows]
    .map((row) => `${row.map(csvField).join(',')}\r\n`)
    .join('');
}
