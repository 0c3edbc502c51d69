import type { TFunction } from 'i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import { patientAge } from '../../shared/patient/patient-age';
import type { PatientDocument } from '../../shared/patient/patient-document';

/** A problem code from the repository as a Vietnamese sentence; the field may name the code. */
export function problemMessage(t: TFunction, problem: ClinicalProblem, sex?: PatientDocument['sex']): string {
  return t(`visits.problem_${problem.code}`, {
    code: problem.field,
    sex: sex === 'female' ? t('visits.sexFemale') : t('visits.sexMale'),
    defaultValue: problem.code,
  });
}

/** Age for the banner: months under two years (what a paediatric dose needs), years above. */
export function ageText(t: TFunction, dateOfBirth: string, today: string): string {
  const age = patientAge(dateOfBirth, today);
  return t(age.unit === 'months' ? 'visits.ageMonths' : 'visits.ageYears', { count: age.count });
}

/** The hour and minute of a device-clock time, 24-hour. */
export function timeOfDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
