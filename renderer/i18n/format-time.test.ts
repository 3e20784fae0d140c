import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, machineIsOnHongKongTime } from './format-time.js';

// 2026-12-01 16:25 in Hong Kong (UTC+8) is 08:25 UTC.
const NOW = Date.parse('2026-12-01T08:25:00.000Z');
const HK = { now: NOW, machineTimeZone: 'Asia/Hong_Kong' };
const LONDON = { now: NOW, machineTimeZone: 'Europe/London' };

describe('formatDateTime', () => {
  it("gives today's time (in Hong Kong) as the clock alone, 24-hour", () => {
    expect(formatDateTime('2026-12-01T08:34:00.000Z', 'en', HK)).toBe('16:34');
    expect(formatDateTime('2026-12-01T08:34:00.000Z', 'zh-HK', HK)).toBe('16:34');
    // 23:59 HKT is still today; 00:05 HKT the next day is not, though both are 1 Dec in UTC.
    expect(formatDateTime('2026-12-01T15:59:00.000Z', 'en', HK)).toBe('23:59');
    expect(formatDateTime('2026-12-01T16:05:00.000Z', 'en', HK)).toBe('2 Dec 2026 00:05');
  });

  it('names the date of any other day, day month year in English and 年月日 in zh-HK', () => {
    // A lock that ends 30 days later, earlier in the day than now: never "until 16:23" alone.
    const lockEnd = '2026-12-31T08:23:00.000Z';
    expect(formatDateTime(lockEnd, 'en', HK)).toBe('31 Dec 2026 16:23');
    expect(formatDateTime(lockEnd, 'zh-HK', HK)).toBe('2026年12月31日 16:23');
    expect(formatDateTime('2026-11-29T20:05:00.000Z', 'en', HK)).toBe('30 Nov 2026 04:05');
    expect(formatDateTime('2026-11-30T15:30:00.000Z', 'en', HK)).toBe('30 Nov 2026 23:30');
    expect(formatDateTime('2027-03-09T01:00:00.000Z', 'zh-HK', HK)).toBe('2027年3月9日 09:00');
    // Not US order, not 12-hour.
    expect(formatDateTime('2027-01-12T09:34:00.000Z', 'en', HK)).not.toMatch(/\d+\/\d+|PM|AM/);
  });

  it('shows Hong Kong time with HKT on a workstation in another time zone', () => {
    expect(formatDateTime('2026-12-01T08:34:00.000Z', 'en', LONDON)).toBe('16:34 HKT');
    expect(formatDateTime('2026-12-31T08:23:00.000Z', 'en', LONDON)).toBe('31 Dec 2026 16:23 HKT');
    expect(formatDateTime('2026-12-31T08:23:00.000Z', 'zh-HK', LONDON)).toBe(
      '2026年12月31日 16:23（香港時間）',
    );
    // A zone with Hong Kong's offset reads the same clock: no HKT.
    expect(
      formatDateTime('2026-12-01T08:34:00.000Z', 'en', {
        ...HK,
        machineTimeZone: 'Asia/Singapore',
      }),
    ).toBe('16:34');
    expect(machineIsOnHongKongTime(NOW, { machineTimeZone: 'America/New_York' })).toBe(false);
    expect(machineIsOnHongKongTime(NOW, { machineTimeZone: 'Asia/Hong_Kong' })).toBe(true);
  });

  it('returns what it cannot read as given', () => {
    expect(formatDateTime('not a time', 'en', HK)).toBe('not a time');
  });
});

describe('formatDate', () => {
  it('gives the Hong Kong date alone', () => {
    expect(formatDate('2027-02-28T17:00:00.000Z', 'en')).toBe('1 Mar 2027');
    expect(formatDate('2027-02-28T17:00:00.000Z', 'zh-HK')).toBe('2027年3月1日');
  });
});
