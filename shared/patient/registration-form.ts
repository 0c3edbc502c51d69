import { normalizeBhyt } from '../identifiers/bhyt';
import { normalizePhone } from '../identifiers/phone';
import { parseDisplayDate } from '../text/dates';
import { normalizeText } from '../text/fold-vietnamese';
import type { PatientDocument } from './patient-document';
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
};

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

  const dateOfBirth = parseDisplayDate(form.dateOfBirth);
  if (form.dateOfBirth.trim() === '') problems.push({ field: 'dateOfBirth', code: 'required' });
  else if (dateOfBirth === null) problems.push({ field: 'dateOfBirth', code: 'date-format' });
  else if (dateOfBirth > context.now.slice(0, 10))
    problems.push({ field: 'dateOfBirth', code: 'date-of-birth-in-future' });
  if (form.provinceCode !== '') require('wardCode', form.wardCode);

  const cccd = form.cccd.replace(/\s/g, '');
  const bhyt = normalizeBhyt(form.bhyt);
  const phone = normalizePhone(form.phone);
  if (problems.length > 0 || dateOfBirth === null || form.sex === '') return { ok: false, problems };

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
    ...patientSearchKeys({ familyName, middleName, givenName }),
    createdAt: context.now,
    updatedAt: context.now,
    createdByDeviceId: context.deviceId,
    createdBy: context.userId,
    updatedBy: context.userId,
  };
  const semanticProblems = patientProblems(patient);
  return semanticProblems.length > 0 ? { ok: false, problems: semanticProblems } : { ok: true, patient };
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
  };
}
