import type { PatientSex } from '../../shared/catalog/icd10-rules';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import { DISCHARGE_CONDITIONS, type DischargeCondition } from '../../shared/clinical/note-document';
import { diagnosisListProblems, type DiagnosisChoice, type Icd10Entry } from '../visits/visit-rules';

/** The discharge summary form as typed. */
export interface DischargeInput {
  diagnoses: DiagnosisChoice[];
  treatment: string;
  condition: DischargeCondition | '';
  /** ISO date or ''. */
  followUpDate: string;
  followUp: string;
  advice: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Why a discharge cannot be recorded: the diagnoses at discharge by the ICD-10 rules (in the
 * catalog, fit for the patient's sex and as primary, exactly one primary), the treatment given,
 * the condition, and a follow-up date after the discharge day.
 */
export function dischargeProblems(
  input: DischargeInput,
  entries: ReadonlyMap<string, Icd10Entry>,
  patientSex: PatientSex,
  today: string,
): ClinicalProblem[] {
  const problems = diagnosisListProblems(input.diagnoses, entries, patientSex);
  if (input.diagnoses.length === 0) problems.push({ field: 'diagnoses', code: 'discharge-diagnosis-required' });
  else if (!input.diagnoses.some((choice) => choice.primary))
    problems.push({ field: 'diagnoses', code: 'primary-diagnosis-required' });
  if (input.treatment.trim() === '') problems.push({ field: 'treatment', code: 'treatment-required' });
  if (input.treatment.length > 8000) problems.push({ field: 'treatment', code: 'text-too-long' });
  if (!(DISCHARGE_CONDITIONS as readonly string[]).includes(input.condition))
    problems.push({ field: 'condition', code: 'condition-required' });
  if (input.followUpDate !== '') {
    if (!ISO_DATE.test(input.followUpDate)) problems.push({ field: 'followUpDate', code: 'follow-up-date-invalid' });
    else if (input.followUpDate <= today)
      problems.push({ field: 'followUpDate', code: 'follow-up-not-after-discharge' });
  }
  if (input.followUp.length > 2000) problems.push({ field: 'followUp', code: 'text-too-long' });
  if (input.advice.length > 4000) problems.push({ field: 'advice', code: 'text-too-long' });
  return problems;
}
