/**
 * Decision 130 writes times as `yyyyMMddHHmm` and dates as `yyyyMMdd`, in Vietnam's local time.
 * Sen stores device times as ISO instants (UTC); Vietnam is UTC+7 all year (no daylight saving),
 * so the conversion is a fixed offset and does not depend on the exporting machine's zone.
 */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `yyyyMMddHHmm` in Vietnam time, or '' when `instant` is empty or not a time. */
export function xml130Time(instant: string): string {
  if (instant === '') return '';
  const time = Date.parse(instant);
  if (Number.isNaN(time)) return '';
  const local = new Date(time + VIETNAM_OFFSET_MS).toISOString();
  return local.slice(0, 4) + local.slice(5, 7) + local.slice(8, 10) + local.slice(11, 13) + local.slice(14, 16);
}

/** `yyyyMMdd` from an ISO calendar date (`yyyy-MM-dd`), or '' when empty. */
export function xml130Date(isoDate: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? isoDate.replaceAll('-', '') : '';
}

/** The calendar day (yyyy-MM-dd) an instant falls on in Vietnam: which day's batch it belongs to. */
export function vietnamDay(instant: string): string {
  const time = xml130Time(instant);
  return time === '' ? '' : `${time.slice(0, 4)}-${time.slice(4, 6)}-${time.slice(6, 8)}`;
}
