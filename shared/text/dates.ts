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

/**
 * A date as a clerk types it: `dd/MM/yyyy` (or `d/M/yyyy`), or the eight digits `ddMMyyyy`
 * ("12031990") that the README suggests for speed. One parse for every way the form reads the
 * field (Tab reformats it, Enter saves it), so the two can never disagree.
 */
export function parseTypedDate(text: string): string | null {
  const digits = /^(\d{2})(\d{2})(\d{4})$/.exec(text.trim());
  return parseDisplayDate(digits ? `${digits[1]}/${digits[2]}/${digits[3]}` : text);
}

/** What the field shows once the clerk leaves it: `dd/MM/yyyy` when the date is real, else as typed. */
export function tidyTypedDate(text: string): string {
  const iso = parseTypedDate(text);
  return iso === null ? text : formatDisplayDate(iso);
}

/** "1987-03-05" → "05/03/1987" */
export function formatDisplayDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
