import type { TFunction } from 'i18next';

/** A measured span in minutes and seconds, in words ("4 min 10 s", 「4 分 10 秒」). */
export function spokenDuration(ms: number, t: TFunction): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (minutes === 0) return t('init:duration.seconds', { seconds });
  return t('init:duration.minutesSeconds', { minutes, seconds });
}

/**
 * A code's validity as the host set it ("5 minutes"). It is measured from when the send call
 * returned, so it reads a little short of the host's figure: within 5 s of whole minutes it is
 * said as those minutes.
 */
export function spokenValidity(ms: number, t: TFunction): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.round(total / 60);
  if (minutes > 0 && Math.abs(total - minutes * 60) <= 5) {
    return t('init:duration.minutes', { count: minutes });
  }
  return spokenDuration(ms, t);
}
