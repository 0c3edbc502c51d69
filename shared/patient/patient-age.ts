/**
 * A patient's age on a day, from the stored ISO birth date: completed months under two years
 * (what a paediatric dose and a worried parent need), completed years from then on.
 */
export type PatientAge = { unit: 'months' | 'years'; count: number };

/** Completed months between two ISO dates (yyyy-MM-dd); never negative. */
export function completedMonths(dateOfBirth: string, onDate: string): number {
  const [birthYear = 0, birthMonth = 0, birthDay = 0] = dateOfBirth.split('-').map(Number);
  const [year = 0, month = 0, day = 0] = onDate.split('-').map(Number);
  const months = (year - birthYear) * 12 + (month - birthMonth) - (day < birthDay ? 1 : 0);
  return Math.max(months, 0);
}

export function patientAge(dateOfBirth: string, onDate: string): PatientAge {
  const months = completedMonths(dateOfBirth, onDate);
  return months < 24 ? { unit: 'months', count: months } : { unit: 'years', count: Math.floor(months / 12) };
}

/** Nobody registered is older than this: an older birth date is a typing mistake. */
export const MAX_AGE_YEARS = 120;
/** Past this age the clerk is asked to look twice (not refused): rare at a district hospital. */
export const UNUSUAL_AGE_YEARS = 100;

/** 'too-old' refuses the date, 'unusual' only asks the clerk to check it, null is ordinary. */
export function birthDateAgeCheck(dateOfBirth: string, onDate: string): 'too-old' | 'unusual' | null {
  const years = Math.floor(completedMonths(dateOfBirth, onDate) / 12);
  if (years > MAX_AGE_YEARS) return 'too-old';
  if (years > UNUSUAL_AGE_YEARS) return 'unusual';
  return null;
}
