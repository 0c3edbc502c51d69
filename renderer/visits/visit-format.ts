import type { TFunction } from 'i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
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
  const [by = 0, bm = 0, bd = 0] = dateOfBirth.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  const months = (ty - by) * 12 + (tm - bm) - (td < bd ? 1 : 0);
  if (months < 24) return t('visits.ageMonths', { count: Math.max(months, 0) });
  return t('visits.ageYears', { count: Math.floor(months / 12) });
}

/** The hour and minute of a device-clock time, 24-hour. */
export function timeOfDay(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}
