/**
 * Dates are stored as ISO `yyyy-MM-dd` (they sort and compare as strings) and shown and typed
 * as `dd/MM/yyyy`, the Vietnamese convention.
 */

/** "05/03/1987" → "1987-03-05"; null when the text is not a real calendar date. */
export function parseDisplayDate(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!match) return null;
  const [, day, month, year] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${year}-${pad(month)}-${pad(day)}` : null;
}

/** "1987-03-05" → "05/03/1987" */
export function formatDisplayDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
