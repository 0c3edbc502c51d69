import type { EncounterDocument } from './encounter-document';
import type { ObservationDocument } from './observation-document';
import type { OrderDocument } from './order-document';
import { stayProblems } from './note-problems';
import { vitalSignsProblems } from './vital-signs';

export interface ClinicalProblem {
  field: string;
  /** kebab-case; the UI turns it into a sentence, the server returns it as is */
  code: string;
}

/** The code printed on a prescription: the facility, 7 characters, the kind (DOMAIN.md). */
export const PRESCRIPTION_CODE_PATTERN = /^\d{5}[0-9A-Z]{7}[NHC]$/;

/** A visit's rules beyond its shape. */
export function encounterProblems(encounter: EncounterDocument): ClinicalProblem[] {
  const problems: ClinicalProblem[] = [];
  const primaries = encounter.diagnoses.filter((diagnosis) => diagnosis.primary).length;
  if (primaries > 1) problems.push({ field: 'diagnoses', code: 'more-than-one-primary' });
  const codes = encounter.diagnoses.map((diagnosis) => diagnosis.code);
  if (new Set(codes).size !== codes.length) problems.push({ field: 'diagnoses', code: 'diagnosis-twice' });
  if (encounter.status === 'finished') {
    if (primaries === 0) problems.push({ field: 'diagnoses', code: 'primary-diagnosis-required' });
    if (encounter.disposition === '') problems.push({ field: 'disposition', code: 'disposition-required' });
  }
  if (encounter.disposition === 'follow-up' && encounter.followUpDate === '')
    problems.push({ field: 'followUpDate', code: 'follow-up-date-required' });
  if (encounter.followUpDate !== '' && encounter.followUpDate <= encounter.queueDate)
    problems.push({ field: 'followUpDate', code: 'follow-up-not-after-visit' });
  if (encounter.status === 'waiting' && encounter.doctorId !== '')
    problems.push({ field: 'status', code: 'called-but-waiting' });
  problems.push(...stayProblems(encounter));
  return problems;
}

/** An order's rules: its kind decides which list it carries, and prescriptions their code. */
export function orderProblems(order: OrderDocument): ClinicalProblem[] {
  const problems: ClinicalProblem[] = [];
  const isPrescription = order.kind === 'prescription';
  if (isPrescription) {
    if (order.drugs.length === 0) problems.push({ field: 'drugs', code: 'no-drug' });
    if (order.tests.length > 0) problems.push({ field: 'tests', code: 'tests-on-prescription' });
    if (
      !PRESCRIPTION_CODE_PATTERN.test(order.prescriptionCode) ||
      !order.prescriptionCode.startsWith(order.facilityCode)
    )
      problems.push({ field: 'prescriptionCode', code: 'prescription-code-invalid' });
  } else {
    if (order.tests.length === 0) problems.push({ field: 'tests', code: 'no-test' });
    if (order.drugs.length > 0) problems.push({ field: 'drugs', code: 'drugs-on-order' });
    if (order.prescriptionCode !== '') problems.push({ field: 'prescriptionCode', code: 'code-on-order' });
  }
  const testCodes = order.tests.map((test) => test.code);
  if (new Set(testCodes).size !== testCodes.length) problems.push({ field: 'tests', code: 'test-twice' });
  for (const test of order.tests) {
    if (test.earlierResultId !== '' && test.repeatReason.trim() === '')
      problems.push({ field: 'tests', code: 'repeat-reason-required' });
  }
  return problems;
}

/** An observation's rules: exactly the part its kind names, plausible values, a lab result's order. */
export function observationProblems(observation: ObservationDocument): ClinicalProblem[] {
  const problems: ClinicalProblem[] = [];
  const filled = {
    'vital-signs': observation.vitals !== null,
    'lab-result': observation.lab !== null,
    allergy: observation.allergy !== null,
  };
  for (const [kind, present] of Object.entries(filled)) {
    if (present !== (kind === observation.kind)) problems.push({ field: kind, code: 'part-does-not-match-kind' });
  }
  if (observation.vitals) problems.push(...vitalSignsProblems(observation.vitals));
  if (observation.kind === 'lab-result') {
    if (observation.orderId === '') problems.push({ field: 'orderId', code: 'result-without-order' });
    if (observation.lab && observation.lab.testCode !== observation.code)
      problems.push({ field: 'code', code: 'code-is-not-the-test' });
  } else if (observation.code !== observation.kind) {
    problems.push({ field: 'code', code: 'code-is-not-the-kind' });
  }
  if (observation.kind === 'vital-signs' && observation.encounterId === '')
    problems.push({ field: 'encounterId', code: 'vitals-without-visit' });
  return problems;
}
