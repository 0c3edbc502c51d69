import type { TFunction } from 'i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import type { BedLocation } from '../../shared/clinical/inpatient-stay';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { problemMessage } from '../visits/visit-format';
import type { DepartmentEntry } from './inpatient-repository';

/** A problem in the inpatient words, or the visit's (the ICD-10 rules are the same). */
export function inpatientProblem(t: TFunction, problem: ClinicalProblem, sex?: PatientDocument['sex']): string {
  return t(`inpatient.problem-${problem.code}`, { defaultValue: problemMessage(t, problem, sex) });
}

export function wardName(wards: readonly DepartmentEntry[] | undefined, code: string): string {
  return wards?.find((ward) => ward.code === code)?.name ?? code;
}

export function placeText(t: TFunction, wards: readonly DepartmentEntry[] | undefined, place: BedLocation): string {
  return t('inpatient.place', { ward: wardName(wards, place.departmentCode), bed: place.bed });
}
