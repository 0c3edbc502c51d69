/**
 * Dates as the Ministry's forms write them. A printed paper is a legal document in Vietnamese
 * whatever language the screen is in, so these words are not translated.
 */

const pad = (value: number): string => String(value).padStart(2, '0');

/** The local calendar day of a device-clock time, as yyyy-MM-dd (the day the paper was signed). */
export function localDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso.slice(0, 10);
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2026-12-03" → "ngày 03 tháng 12 năm 2026" */
export function dateInWords(isoDay: string): string {
  const [year = '', month = '', day = ''] = isoDay.split('-');
  return `ngày ${day} tháng ${month} năm ${year}`;
}

/** The line above the signature: "Lào Cai, ngày 03 tháng 12 năm 2026". */
export function placeAndDate(place: string, isoDay: string): string {
  const words = dateInWords(isoDay);
  return place === '' ? capitalize(words) : `${place}, ${words}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
