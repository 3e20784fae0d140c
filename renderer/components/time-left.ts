import type { TFunction } from 'i18next';

/**
 * Whole seconds from `now` until `at` (an ISO time or epoch ms; none: 0), never negative, rounded
 * up so that 0 means really over.
 */
export function secondsUntil(at: string | number | undefined, now: number): number {
  if (at === undefined) return 0;
  const end = typeof at === 'number' ? at : Date.parse(at);
  return Math.max(0, Math.ceil((end - now) / 1000));
}

/** A short countdown as m:ss ("4:31"), the way a code's last minutes are read. */
export function formatMinutesSeconds(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A long span in hours and minutes, in words ("9 h 59 min", 「9 小時 59 分鐘」), so a session's
 * time left is not read as a time of day. Minutes are rounded down: it never promises more time.
 */
export function formatHoursMinutes(totalSeconds: number, t: TFunction): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  if (hours > 0) return t('common:duration.hoursMinutes', { hours, minutes });
  if (minutes > 0) return t('common:duration.minutes', { minutes });
  return t('common:duration.underAMinute');
}
