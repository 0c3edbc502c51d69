/**
 * How long ago a PC was heard from, in the largest whole unit that fits: "vừa xong" under a
 * minute, then minutes, hours, days. Measured against the server's clock (the `now` of the
 * answer), so that it agrees with the state badge even when the admin's PC clock is wrong.
 */
export type AgoUnit = 'justNow' | 'minutes' | 'hours' | 'days';

export interface Ago {
  unit: AgoUnit;
  count: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function agoOf(at: string, now: string): Ago {
  // A time after `now` (a clock set back, or a write in the same second) reads as just now.
  const elapsed = Math.max(0, Date.parse(now) - Date.parse(at));
  if (elapsed < MINUTE) return { unit: 'justNow', count: 0 };
  if (elapsed < HOUR) return { unit: 'minutes', count: Math.floor(elapsed / MINUTE) };
  if (elapsed < DAY) return { unit: 'hours', count: Math.floor(elapsed / HOUR) };
  return { unit: 'days', count: Math.floor(elapsed / DAY) };
}

/** The province's PCs are all in Vietnam: times read in Vietnam's time, whatever the browser's zone. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formats = new Map<string, Intl.DateTimeFormat>();

/** "14:05 03/12/2026" (vi) or "12/03/2026, 14:05" (en), in Vietnam's time. */
export function absoluteTime(at: string, language: string): string {
  const locale = language === 'en' ? 'en-GB' : 'vi-VN';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: VIETNAM_TIME_ZONE,
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(locale, format);
  }
  return format.format(new Date(at));
}
