// "Export CSV" of the DMS console: the audit as the host sends it (the console's filters, as many
// entries as the host sends at once), saved the way every file of the terminal is saved.
import type { DmsAuditFilter, DmsAuditSaved } from '../../../shared/bridge.js';
import { DMS_AUDIT_MAX } from '../../../shared/protocol.js';
import type { HostClient } from '../host/host-client.js';
import { saveTextFile } from '../files/save-text-file.js';
import { auditCsv } from './audit-csv.js';

/** The host's query for the console's filters and a limit. */
export function auditQuery(filter: DmsAuditFilter, limit?: number) {
  return {
    ...(filter.userId !== undefined && { userId: filter.userId }),
    ...(filter.daId !== undefined && { daId: filter.daId }),
    ...(limit !== undefined && { limit: String(limit) }),
  };
}

/** Fetches the audit and writes it to `dir` as `ccms-dms-audit-<time>-<random>.csv`. */
export async function exportAudit(
  host: Pick<HostClient, 'dmsAudit'>,
  token: string,
  filter: DmsAuditFilter,
  dir: string,
): Promise<DmsAuditSaved> {
  const { entries, truncated } = await host.dmsAudit(token, auditQuery(filter, DMS_AUDIT_MAX));
  // A BOM, so a spreadsheet reads the file as UTF-8 (a rejection reason may be in Chinese).
  const path = await saveTextFile(
    dir,
    { prefix: 'ccms-dms-audit', extension: 'csv', what: 'the DMS audit' },
    `\uFEFF${auditCsv(entries)}`,
  );
  return { path, entries: entries.length, truncated };
}
