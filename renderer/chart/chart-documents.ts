import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';

/** Everything recorded about one patient, as read by their patient indexes (three queries). */
export interface ChartDocuments {
  encounters: readonly EncounterDocument[];
  orders: readonly OrderDocument[];
  observations: readonly ObservationDocument[];
}

export const NO_CHART_DOCUMENTS: ChartDocuments = { encounters: [], orders: [], observations: [] };

/** The local calendar day (yyyy-MM-dd) of a device-clock time; '' when it is no time. */
export function localDayOf(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** yyyy-MM-dd plus a number of days, by the calendar (no time zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day + days));
  return date.toISOString().slice(0, 10);
}
