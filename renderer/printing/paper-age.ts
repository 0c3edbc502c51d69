import { ageInYears } from '../../shared/catalog/lab-reference-range';

/** Children under 72 months have their age written in months (Circular 52/2017, prescriptions). */
const MONTHS_UNTIL = 72;

/** Completed months between two yyyy-MM-dd days. */
export function ageInMonths(dateOfBirth: string, onDate: string): number {
  const [birthYear = 0, birthMonth = 0, birthDay = 0] = dateOfBirth.split('-').map(Number);
  const [year = 0, month = 0, day = 0] = onDate.split('-').map(Number);
  return (year - birthYear) * 12 + (month - birthMonth) - (day >= birthDay ? 0 : 1);
}

/** Whole days between two yyyy-MM-dd days. */
function ageInDays(dateOfBirth: string, onDate: string): number {
  return Math.round((Date.parse(`${onDate}T00:00:00Z`) - Date.parse(`${dateOfBirth}T00:00:00Z`)) / 86_400_000);
}

/**
 * The age printed on a paper, on the day it is printed: "58 tuổi"; "18 tháng tuổi" under six
 * years; "12 ngày tuổi" in the first month.
 */
export function ageOnPaper(dateOfBirth: string, onDate: string): string {
  const months = ageInMonths(dateOfBirth, onDate);
  if (months < 1) return `${String(Math.max(0, ageInDays(dateOfBirth, onDate)))} ngày tuổi`;
  if (months < MONTHS_UNTIL) return `${String(months)} tháng tuổi`;
  return `${String(ageInYears(dateOfBirth, onDate))} tuổi`;
}
