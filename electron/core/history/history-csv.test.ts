import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/bridge.js';
import { csvField as csvCell, hongKongTime } from '../files/csv.js';
import { historyCsv, HISTORY_CSV_COLUMNS } from './history-csv.js';

describe('workstation history CSV', () => {
  it('quotes as RFC 4180 says: commas, quotes and line breaks in a quoted field, quotes doubled', () => {
    expect(csvCell('C00101')).toBe('C00101');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses every cell a spreadsheet would run as a formula with a leading apostrophe', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvCell('C-1')).toBe('C-1');
  });

  it('gives Hong Kong time whatever the zone (UTC+8, no daylight saving)', () => {
    expect(hongKongTime('2026-12-01T08:34:05.000Z')).toBe('2026-12-01 16:34:05');
    expect(hongKongTime('2026-12-31T20:00:00.000Z')).toBe('2027-01-01 04:00:00');
  });

  it('writes a header and one CRLF-ended record per entry, each kind in its columns', () => {
    const entries: HistoryEntry[] = [
      {
        kind: 'dmsRejected',
        at: '2026-12-01T08:40:00.000Z',
        userId: 'C00192',
        environment: 'simulator',
        requestId: 'req_1',
        action: 'unlock',
        targetUserId: 'C00104',
      },
      {
        kind: 'signInFailed',
        at: '2026-12-01T08:35:00.000Z',
        environment: 'production',
        step: 'password',
        code: 'INVALID_CREDENTIALS',
      },
      {
        kind: 'signedIn',
        at: '2026-12-01T08:34:05.000Z',
        userId: '-C1',
        environment: 'simulator',
        channel: 'email',
        initialization: true,
      },
    ];
    const csv = historyCsv(entries);
    const lines = csv.split('\r\n');
    expect(lines).toEqual([
      HISTORY_CSV_COLUMNS.join(','),
      '2026-12-01T08:40:00.000Z,2026-12-01 16:40:00,dmsRejected,C00192,simulator,,,,,req_1,unlock,C00104',
      '2026-12-01T08:35:00.000Z,2026-12-01 16:35:00,signInFailed,,production,,password,INVALID_CREDENTIALS,,,,',
      "2026-12-01T08:34:05.000Z,2026-12-01 16:34:05,signedIn,'-C1,simulator,email,,,initialization,,,",
      '',
    ]);
    expect(lines[0]).toBe(
      'time_utc,time_hong_kong,event,user_id,environment,channel,step,code,reason,request_id,dms_action,target_user_id',
    );
  });
});
