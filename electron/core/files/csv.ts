// CSV for the files a user exports (the DMS audit, the workstation history): RFC 4180 (a header
// row, CRLF after every record, a field quoted when it holds a comma, a quote or a line break,
// quotes doubled), times in ISO 8601 (UTC) beside Hong Kong time, and no cell a spreadsheet would
// run as a formula (OWASP "CSV injection").

// Hong Kong has kept UTC+8 all year since 1979: local time is a fixed offset.
const HONG_KONG_OFFSET_MS = 8 * 60 * 60 * 1000;

/** An ISO time as Hong Kong local time, `2026-12-01 16:34:05`, whatever the workstation's zone. */
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

/** The whole file: the header, then one record per row, CRLF after every record. */
export function csvText(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}
