// Dates and times as Hong Kong desks read them: every time the terminal shows goes through here.
//
// - Always Hong Kong time (Asia/Hong_Kong): the clearing house's clock, whatever zone the
//   workstation is set to.
// - English is day month year, 24-hour ("1 Dec 2026 16:34"), never US order; zh-HK writes
//   「2026年12月1日 16:34」.
// - A time on today's date (in Hong Kong) is just the clock ("16:34"); any other carries its date,
//   so a lock that ends in 30 days never reads as a time earlier today.
// - "HKT" (zh-HK 「香港時間」) follows the time only where the workstation's own time zone is not
//   Hong Kong's at that instant: on a Hong Kong desk (the normal case) it would be noise on every
//   line; elsewhere every time shown needs it, not just lock and expiry times, since all of them
//   are Hong Kong's.

/** The clearing house's time zone. */
export const HK_TIME_ZONE = 'Asia/Hong_Kong';

const MONTHS_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** What the formatter may be told instead of reading the clock and the machine's zone (tests). */
export interface FormatTimeOptions {
  /** "Now", epoch ms; decides what "today" is. Default: `Date.now()`. */
  now?: number;
  /** The workstation's IANA time zone. Default: the one the runtime reports. */
  machineTimeZone?: string;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: string;
  minute: string;
}

const partsCache = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock date and time of an instant in a time zone. */
function wallClock(ms: number, timeZone: string): WallClock {
  let format = partsCache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    partsCache.set(timeZone, format);
  }
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    format.formatToParts(ms).find((p) => p.type === type)?.value ?? '';
  return {
    year: Number(part('year')),
    month: Number(part('month')),
    day: Number(part('day')),
    hour: part('hour').padStart(2, '0'),
    minute: part('minute').padStart(2, '0'),
  };
}

function toMs(at: string | number | Date): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  return Date.parse(at);
}

function machineZone(opts: FormatTimeOptions): string {
  return opts.machineTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function sameWall(a: WallClock, b: WallClock): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute
  );
}

function dateText(w: WallClock, language: string): string {
  return language.startsWith('zh')
    ? `${w.year}年${w.month}月${w.day}日`
    : `${w.day} ${MONTHS_EN[w.month - 1]} ${w.year}`;
}

/** Whether the workstation's clock reads Hong Kong's at this instant. */
export function machineIsOnHongKongTime(at: number, opts: FormatTimeOptions = {}): boolean {
  return sameWall(wallClock(at, HK_TIME_ZONE), wallClock(at, machineZone(opts)));
}

/**
 * A date and time in Hong Kong time: "16:34" today, "1 Dec 2026 16:34" on any other day
 * (zh-HK 「2026年12月1日 16:34」), with " HKT" / 「（香港時間）」 where the workstation is in
 * another zone. An instant that cannot be read is returned as given.
 */
export function formatDateTime(
  at: string | number | Date,
  language: string,
  opts: FormatTimeOptions = {},
): string {
  const ms = toMs(at);
  if (Number.isNaN(ms)) return String(at);
  const w = wallClock(ms, HK_TIME_ZONE);
  const today = wallClock(opts.now ?? Date.now(), HK_TIME_ZONE);
  const isToday = w.year === today.year && w.month === today.month && w.day === today.day;
  const clock = `${w.hour}:${w.minute}`;
  const text = isToday ? clock : `${dateText(w, language)} ${clock}`;
  if (machineIsOnHongKongTime(ms, opts)) return text;
  return language.startsWith('zh') ? `${text}（香港時間）` : `${text} HKT`;
}

/** A date alone in Hong Kong time: "1 Mar 2027", 「2027年3月1日」 (a certificate's end, say). */
export function formatDate(at: string | number | Date, language: string): string {
  const ms = toMs(at);
  if (Number.isNaN(ms)) return String(at);
  return dateText(wallClock(ms, HK_TIME_ZONE), language);
}
