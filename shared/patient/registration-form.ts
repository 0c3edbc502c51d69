import { isKnownProvince, isWardOfProvince } from '../admin-units/admin-units';
import { checkBhyt, normalizeBhyt } from '../identifiers/bhyt';
import { checkCccd } from '../identifiers/cccd';
import { checkPhone, normalizePhone } from '../identifiers/phone';
import { parseTypedDate } from '../text/dates';
import { normalizeText } from '../text/fold-vietnamese';
import { ETHNICITY_CODES } from './ethnicities';
import { birthDateAgeCheck } from './patient-age';
import type { PatientDocument } from './patient-document';
import { guardianProblems, needsGuardian, type GuardianRelation, type PatientGuardian } from './patient-guardian';
import { patientProblems, type PatientProblem } from './patient-problems';
import { patientSearchKeys } from './patient-search-keys';

/** What the clerk typed, exactly as typed: also the shape of a saved draft. */
export interface RegistrationForm {
  familyName: string;
  middleName: string;
  givenName: string;
  /** dd/MM/yyyy */
  dateOfBirth: string;
  sex: '' | 'male' | 'female';
  cccd: string;
  bhyt: string;
  phone: string;
  provinceCode: string;
  wardCode: string;
  street: string;
  ethnicityCode: string;
  /** A young child's mother, father or guardian (patient-guardian.ts) */
  guardianName: string;
  guardianRelation: '' | GuardianRelation;
  guardianCccd: string;
  guardianPhone: string;
}

export const EMPTY_REGISTRATION_FORM: RegistrationForm = {
  familyName: '',
  middleName: '',
  givenName: '',
  dateOfBirth: '',
  sex: '',
  cccd: '',
  bhyt: '',
  phone: '',
  provinceCode: '',
  wardCode: '',
  street: '',
  ethnicityCode: '01',
  guardianName: '',
  guardianRelation: '',
  guardianCccd: '',
  guardianPhone: '',
};

/**
 * Whether the form asks for the guardian: the child is under GUARDIAN_REQUIRED_UNDER_YEARS on
 * `today` (ISO), or a guardian is already typed (an older child's recorded guardian stays
 * editable).
 */
export function guardianAsked(form: RegistrationForm, today: string): boolean {
  const dateOfBirth = parseTypedDate(form.dateOfBirth);
  const young = dateOfBirth !== null && dateOfBirth <= today && needsGuardian(dateOfBirth, today);
  return young || guardianTyped(form);
}

function guardianTyped(form: RegistrationForm): boolean {
  return [form.guardianName, form.guardianRelation, form.guardianCccd, form.guardianPhone].some(
    (value) => value.trim() !== '',
  );
}

export interface RegistrationContext {
  id: string;
  patientCode: string;
  facilityCode: string;
  deviceId: string;
  /** The staff member registering the patient */
  userId: string;
  /** ISO timestamp from the device clock */
  now: string;
}

export type RegistrationResult = { ok: true; patient: PatientDocument } | { ok: false; problems: PatientProblem[] };

/** Turns the typed form into a patient document, or lists every problem with the field it belongs to. */
export function buildPatientFromForm(form: RegistrationForm, context: RegistrationContext): RegistrationResult {
  const problems: PatientProblem[] = [];
  const require = (field: PatientProblem['field'], value: string): void => {
    if (value === '') problems.push({ field, code: 'required' });
  };
  const familyName = normalizeText(form.familyName);
  const middleName = normalizeText(form.middleName);
  const givenName = normalizeText(form.givenName);
  require('familyName', familyName);
  require('givenName', givenName);
  require('sex', form.sex);
  require('provinceCode', form.provinceCode);
  require('ethnicityCode', form.ethnicityCode);

  const dateOfBirth = parseTypedDate(form.dateOfBirth);
  const today = context.now.slice(0, 10);
  if (form.dateOfBirth.trim() === '') problems.push({ field: 'dateOfBirth', code: 'required' });
  else if (dateOfBirth === null) problems.push({ field: 'dateOfBirth', code: 'date-format' });
  else if (dateOfBirth > today) problems.push({ field: 'dateOfBirth', code: 'date-of-birth-in-future' });
  else if (birthDateAgeCheck(dateOfBirth, today) === 'too-old')
    problems.push({ field: 'dateOfBirth', code: 'date-of-birth-over-max-age' });
  if (form.provinceCode !== '') require('wardCode', form.wardCode);
  // A young child is registered with who brings them: their name and relation are required.
  const guardian = guardianAsked(form, today) ? typedGuardian(form) : undefined;
  if (guardian) {
    require('guardianName', guardian.name);
    require('guardianRelation', guardian.relation);
  }

  const cccd = form.cccd.replace(/\s/g, '');
  const bhyt = normalizeBhyt(form.bhyt);
  const phone = normalizePhone(form.phone);
  if (problems.length > 0 || dateOfBirth === null || form.sex === '') {
    // Everything that can be judged without the missing fields is judged now: the clerk sees
    // every problem in one pass, not a second wave once the required fields are filled.
    const sex = form.sex === '' ? undefined : form.sex;
    const dateRefused = problems.some((problem) => problem.field === 'dateOfBirth');
    const birthYear = dateOfBirth === null || dateRefused ? undefined : Number(dateOfBirth.slice(0, 4));
    const guardianChecks = guardian ? guardianProblems({ ...guardian, relation: guardian.relation || 'guardian' }) : [];
    return {
      ok: false,
      problems: [...problems, ...partialFormProblems(form, { cccd, bhyt, phone, sex, birthYear }), ...guardianChecks],
    };
  }

  const patient: PatientDocument = {
    id: context.id,
    facilityCode: context.facilityCode,
    patientCode: context.patientCode,
    familyName,
    middleName,
    givenName,
    dateOfBirth,
    sex: form.sex,
    cccd,
    bhyt,
    phone,
    address: { provinceCode: form.provinceCode, wardCode: form.wardCode, street: normalizeText(form.street) },
    ethnicityCode: form.ethnicityCode,
    ...(guardian && guardian.relation !== '' ? { guardian: { ...guardian, relation: guardian.relation } } : {}),
    ...patientSearchKeys({ familyName, middleName, givenName, dateOfBirth }),
    createdAt: context.now,
    updatedAt: context.now,
    createdByDeviceId: context.deviceId,
    createdBy: context.userId,
    updatedBy: context.userId,
  };
  const semanticProblems = patientProblems(patient);
  return semanticProblems.length > 0 ? { ok: false, problems: semanticProblems } : { ok: true, patient };
}

/**
 * The rules of patientProblems that need only the fields they read, for a form that cannot
 * become a document yet: identifiers (the CCCD against whatever sex and year are known), the
 * province, ward and ethnicity when chosen.
 */
function partialFormProblems(
  form: RegistrationForm,
  typed: {
    cccd: string;
    bhyt: string;
    phone: string;
    sex: 'male' | 'female' | undefined;
    birthYear: number | undefined;
  },
): PatientProblem[] {
  const problems: PatientProblem[] = [];
  const cccdProblem = typed.cccd === '' ? null : checkCccd(typed.cccd, typed.sex, typed.birthYear);
  if (cccdProblem) problems.push({ field: 'cccd', code: cccdProblem });
  const bhytProblem = typed.bhyt === '' ? null : checkBhyt(typed.bhyt);
  if (bhytProblem) problems.push({ field: 'bhyt', code: bhytProblem });
  if (typed.phone !== '' && checkPhone(typed.phone)) problems.push({ field: 'phone', code: 'phone-format' });
  if (form.provinceCode !== '' && !isKnownProvince(form.provinceCode)) {
    problems.push({ field: 'provinceCode', code: 'province-unknown' });
  } else if (form.provinceCode !== '' && form.wardCode !== '' && !isWardOfProvince(form.wardCode, form.provinceCode)) {
    problems.push({ field: 'wardCode', code: 'ward-not-in-province' });
  }
  if (form.ethnicityCode !== '' && !ETHNICITY_CODES.has(form.ethnicityCode))
    problems.push({ field: 'ethnicityCode', code: 'ethnicity-unknown' });
  return problems;
}

/** The guardian as typed, tidied as the patient's own name, CCCD and phone are. */
function typedGuardian(
  form: RegistrationForm,
): Omit<PatientGuardian, 'relation'> & { relation: '' | GuardianRelation } {
  return {
    name: normalizeText(form.guardianName),
    relation: form.guardianRelation,
    cccd: form.guardianCccd.replace(/\s/g, ''),
    phone: normalizePhone(form.guardianPhone),
  };
}

/** The form showing a registered patient, for editing. */
export function formFromPatient(patient: PatientDocument): RegistrationForm {
  const [year, month, day] = patient.dateOfBirth.split('-');
  return {
    familyName: patient.familyName,
    middleName: patient.middleName,
    givenName: patient.givenName,
    dateOfBirth: `${day ?? ''}/${month ?? ''}/${year ?? ''}`,
    sex: patient.sex,
    cccd: patient.cccd,
    bhyt: patient.bhyt,
    phone: patient.phone,
    provinceCode: patient.address.provinceCode,
    wardCode: patient.address.wardCode,
    street: patient.address.street,
    ethnicityCode: patient.ethnicityCode,
    guardianName: patient.guardian?.name ?? '',
    guardianRelation: patient.guardian?.relation ?? '',
    guardianCccd: patient.guardian?.cccd ?? '',
    guardianPhone: patient.guardian?.phone ?? '',
  };
}
