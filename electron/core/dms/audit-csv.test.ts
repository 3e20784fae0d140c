import { describe, expect, it } from 'vitest';
import type { DmsAuditEntry } from '../../../shared/protocol.js';
import { csvField, hongKongTime } from '../files/csv.js';
import { auditCsv } from './audit-csv.js';

const entry = (over: Partial<DmsAuditEntry> = {}): DmsAuditEntry => ({
  id: 1,
  at: '2026-12-01T08:34:05.000Z',
  event: 'rejected',
  actorId: 'C00192',
  requestId: 'R-abc',
  userId: 'C00104',
  action: 'unlock',
  ...over,
});

describe('audit CSV', () => {
  it('writes a header row and one CRLF-ended row per entry, ISO and Hong Kong times', () => {
    const csv = auditCsv([entry({ detail: 'Not asked for' })]);
    expect(csv).toBe(
      'time_utc,time_hong_kong,event,action,user_id,actor_id,request_id,detail\r\n' +
        '2026-12-01T08:34:05.000Z,2026-12-01 16:34:05,rejected,unlock,C00104,C00192,R-abc,Not asked for\r\n',
    );
  });

  it('gives Hong Kong time across midnight (UTC+8)', () => {
    expect(hongKongTime('2026-12-31T16:00:00.000Z')).toBe('2027-01-01 00:00:00');
  });

  it('quotes a field with a comma, a quote or a line break, doubling quotes (RFC 4180)', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('plain 中文')).toBe('plain 中文');
    expect(auditCsv([entry({ detail: 'x,"y"\r\nz' })]).split('\r\n')[1]).toBe(
      '2026-12-01T08:34:05.000Z,2026-12-01 16:34:05,rejected,unlock,C00104,C00192,R-abc,"x,""y""',
    );
  });

  it('keeps a spreadsheet from running a cell as a formula: = + - @ tab CR get a leading apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x.example","y")')).toBe(
      `"'=HYPERLINK(""http://x.example"",""y"")"`,
    );
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tcmd')).toBe("'\tcmd");
    expect(csvField('\rcmd')).toBe(`"'\rcmd"`);
    // Only at the start: a minus inside text is text.
    expect(csvField('C00104 - desk')).toBe('C00104 - desk');
    expect(auditCsv([entry({ detail: '=1+1' })])).toContain(",'=1+1\r\n");
  });
});
