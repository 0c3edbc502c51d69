import { ageInYears } from '../../shared/catalog/lab-reference-range';
import { completedMonths } from '../../shared/patient/patient-age';

/** Children under 72 months have their age written in months (Circular 52/2017, prescriptions). */
const MONTHS_UNTIL = 72;

/** Whole days between two yyyy-MM-dd days. */
function ageInDays(dateOfBirth: string, onDate: string): number {
  return Math.round((Date.parse(`${onDate}T00:00:00Z`) - Date.parse(`${dateOfBirth}T00:00:00Z`)) / 86_400_000);
}

/**
 * The age printed on a paper, on the day it is printed: "58 tuổi"; "18 tháng tuổi" under six
 * years; "12 ngày tuổi" in the first month.
 */
export function ageOnPaper(dateOfBirth: string, onDate: string): string {
  const months = completedMonths(dateOfBirth, onDate);
  if (months < 1) return `${String(Math.max(0, ageInDays(dateOfBirth, onDate)))} ngày tuổi`;
  if (months < MONTHS_UNTIL) return `${String(months)} tháng tuổi`;
  return `${String(ageInYears(dateOfBirth, onDate))} tuổi`;
}
