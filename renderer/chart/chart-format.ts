import { formatDisplayDate } from '../../shared/text/dates';
import { formatDateTime } from '../app/format';

/** A yyyy-MM-dd day as dd/MM/yyyy; '—' when there is none. */
export function displayDay(isoDate: string): string {
  return isoDate === '' ? '—' : formatDisplayDate(isoDate);
}

/** A device-clock time as dd/MM/yyyy HH:mm; '—' when there is none. */
export function displayTime(iso: string): string {
  return iso === '' ? '—' : formatDateTime(iso);
}

/** A measured value, or '—' when it was not taken. */
export function measuredValue(value: number | null): string {
  return value === null ? '—' : String(value);
}

/** A reference range as "3.9 – 6.4", "≤ 5", "≥ 60", or the lab's text. */
export function referenceText(low: number | null, high: number | null, text = ''): string {
  if (low !== null && high !== null) return `${String(low)} – ${String(high)}`;
  if (high !== null) return `≤ ${String(high)}`;
  if (low !== null) return `≥ ${String(low)}`;
  return text;
}
