import { isKnownProvince, isWardOfProvince } from '../admin-units/admin-units';
import { checkBhyt } from '../identifiers/bhyt';
import { checkCccd } from '../identifiers/cccd';
import { PATIENT_CODE_PATTERN } from '../identifiers/patient-code';
import { checkPhone } from '../identifiers/phone';
import { ETHNICITY_CODES } from './ethnicities';
import type { PatientDocument } from './patient-document';
import { guardianProblems, type GuardianField } from './patient-guardian';
import { patientSearchKeys } from './patient-search-keys';

export type PatientField =
  | 'familyName'
  | 'middleName'
  | 'givenName'
  | 'dateOfBirth'
  | 'sex'
  | 'cccd'
  | 'bhyt'
  | 'phone'
  | 'provinceCode'
  | 'wardCode'
  | 'street'
  | 'ethnicityCode'
  | 'patientCode'
  | 'searchKeys'
  | GuardianField
  | 'mergedInto';

export interface PatientProblem {
  field: PatientField;
  /** kebab-case; the UI turns it into a sentence, the server returns it as is */
  code: string;
}

/**
 * Rules a structurally valid patient document must also satisfy. Shared by the registration
 * form (before saving) and the server (before accepting a push).
 */
export function patientProblems(patient: PatientDocument): PatientProblem[] {
  const problems: PatientProblem[] = [];
  const birthYear = Number(patient.dateOfBirth.slice(0, 4));

  if (patient.cccd !== '') {
    const cccdProblem = checkCccd(patient.cccd, patient.sex, birthYear);
    if (cccdProblem) problems.push({ field: 'cccd', code: cccdProblem });
  }
  if (patient.bhyt !== '') {
    const bhytProblem = checkBhyt(patient.bhyt);
    if (bhytProblem) problems.push({ field: 'bhyt', code: bhytProblem });
  }
  if (patient.phone !== '' && checkPhone(patient.phone)) problems.push({ field: 'phone', code: 'phone-format' });
  if (!isKnownProvince(patient.address.provinceCode)) {
    problems.push({ field: 'provinceCode', code: 'province-unknown' });
  } else if (!isWardOfProvince(patient.address.wardCode, patient.address.provinceCode)) {
    problems.push({ field: 'wardCode', code: 'ward-not-in-province' });
  }
  if (!ETHNICITY_CODES.has(patient.ethnicityCode)) problems.push({ field: 'ethnicityCode', code: 'ethnicity-unknown' });
  if (!PATIENT_CODE_PATTERN.test(patient.patientCode) || !patient.patientCode.startsWith(patient.facilityCode)) {
    problems.push({ field: 'patientCode', code: 'patient-code-format' });
  }
  if (patient.guardian) problems.push(...guardianProblems(patient.guardian));
  if (patient.mergedInto !== undefined && patient.mergedInto === patient.id)
    problems.push({ field: 'mergedInto', code: 'merged-into-itself' });
  if (birthYear < 1880) problems.push({ field: 'dateOfBirth', code: 'date-of-birth-too-early' });

  const keys = patientSearchKeys(patient);
  if (
    keys.nameKey !== patient.nameKey ||
    keys.givenNameKey !== patient.givenNameKey ||
    // Absent from a PC not yet updated (see patient-document.ts); never wrong when present.
    (patient.nameYearKey !== undefined && keys.nameYearKey !== patient.nameYearKey)
  ) {
    problems.push({ field: 'searchKeys', code: 'search-keys-mismatch' });
  }
  return problems;
}
