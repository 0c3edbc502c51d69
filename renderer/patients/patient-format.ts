import type { TFunction } from 'i18next';
import { patientAge } from '../../shared/patient/patient-age';
import type { PatientGuardian } from '../../shared/patient/patient-guardian';
import { formatDisplayDate } from '../../shared/text/dates';

/** Today on this PC's calendar (yyyy-MM-dd): ages are counted in the day the clinician lives in. */
export function localToday(now: Date = new Date()): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "36 tuổi", or "8 tháng tuổi" under two years. */
export function ageLabel(t: TFunction, dateOfBirth: string, today: string = localToday()): string {
  const age = patientAge(dateOfBirth, today);
  return t(age.unit === 'months' ? 'patient.ageMonths' : 'patient.ageYears', { count: age.count });
}

/**
 * The birth date with the age beside it, "12/03/1990 (36 tuổi)": the one way every screen that
 * names a patient shows when they were born (list, record, banners, queue, lab, pharmacy).
 */
export function birthDateWithAge(t: TFunction, dateOfBirth: string, today: string = localToday()): string {
  return `${formatDisplayDate(dateOfBirth)} (${ageLabel(t, dateOfBirth, today)})`;
}

/**
 * A young child's guardian on one line, "Trần Thị Mai (Mẹ) · CCCD 001190012345 · 0912345678":
 * the patient page and every printed header that names the child show it the same way.
 */
export function guardianLine(t: TFunction, guardian: PatientGuardian | undefined): string {
  if (!guardian) return '';
  const parts = [`${guardian.name} (${t(`patient.relation.${guardian.relation}`)})`];
  if (guardian.cccd !== '') parts.push(`CCCD ${guardian.cccd}`);
  if (guardian.phone !== '') parts.push(guardian.phone);
  return parts.join(' · ');
}
