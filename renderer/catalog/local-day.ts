/**
 * The calendar day on this PC's clock (YYYY-MM-DD): which catalog version and reference range
 * apply. Not the UTC day: in Vietnam (UTC+7) that is still yesterday until 07:00.
 */
export function localDay(date: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
