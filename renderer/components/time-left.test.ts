import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n/index.js';
import { formatHoursMinutes, formatMinutesSeconds, secondsUntil } from './time-left.js';

describe('secondsUntil', () => {
  const now = Date.parse('2026-11-25T09:00:00.000Z');
  it('counts whole seconds up to an ISO time or epoch ms, rounding up, never below 0', () => {
    expect(secondsUntil('2026-11-25T09:00:01.200Z', now)).toBe(2);
    expect(secondsUntil(now + 1_200, now)).toBe(2);
    expect(secondsUntil(now - 5_000, now)).toBe(0);
    expect(secondsUntil(undefined, now)).toBe(0);
  });
});

describe('formatMinutesSeconds', () => {
  it.each([
    [300, '5:00'],
    [271, '4:31'],
    [9, '0:09'],
    [-3, '0:00'],
  ])('shows %j s as %j', (seconds, text) => {
    expect(formatMinutesSeconds(seconds)).toBe(text);
  });
});

describe('formatHoursMinutes', () => {
  it.each([
    ['en', 9 * 3600 + 59 * 60 + 58, '9 h 59 min'],
    ['en', 10 * 3600, '10 h 0 min'],
    ['en', 59 * 60 + 59, '59 min'],
    ['en', 42, 'under 1 min'],
    ['zh-HK', 9 * 3600 + 59 * 60 + 58, '9 小時 59 分鐘'],
    ['zh-HK', 5 * 60, '5 分鐘'],
    ['zh-HK', 42, '少於 1 分鐘'],
  ] as const)('in %s shows %j s as %j, never as a clock', async (language, seconds, text) => {
    const i18n = await initI18n(language);
    await i18n.changeLanguage(language);
    expect(formatHoursMinutes(seconds, i18n.t)).toBe(text);
  });
});
