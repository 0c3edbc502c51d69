import { describe, expect, it } from 'vitest';
import { buildPatientFromForm, type RegistrationContext } from '../../shared/patient/registration-form';
import { validRegistrationForm } from '../helpers/patient-forms';

const context: RegistrationContext = {
  id: '019a0000-0000-7000-8000-000000000001',
  patientCode: '10010-7K3M9QXA',
  facilityCode: '10010',
  deviceId: 'device-1',
  userId: 'staff-1',
  now: '2026-11-23T08:00:00.000Z',
};

const problemsOf = (result: ReturnType<typeof buildPatientFromForm>): string[] =>
  result.ok ? [] : result.problems.map((problem) => `${problem.field}:${problem.code}`);

describe('registration form', () => {
  it('builds a normalised patient document with its search keys', () => {
    const result = buildPatientFromForm(
      validRegistrationForm({
        familyName: ' Nguyễn '.normalize('NFD'),
        bhyt: 'dn 401 0123456789',
        phone: '+84 912 345 678',
      }),
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patient).toMatchObject({
      familyName: 'Nguyễn'.normalize('NFC'),
      dateOfBirth: '1990-03-12',
      bhyt: 'DN4010123456789',
      phone: '0912345678',
      nameKey: 'nguyen thi dao',
      givenNameKey: 'dao nguyen thi',
      facilityCode: '10010',
      createdByDeviceId: 'device-1',
    });
  });

  it('accepts a patient without CCCD, card or phone', () => {
    expect(buildPatientFromForm(validRegistrationForm({ cccd: '', bhyt: '', phone: '' }), context).ok).toBe(true);
  });

  it('names every missing required field', () => {
    const result = buildPatientFromForm(
      validRegistrationForm({ familyName: ' ', givenName: '', sex: '', dateOfBirth: '', wardCode: '' }),
      context,
    );
    expect(problemsOf(result)).toEqual([
      'familyName:required',
      'givenName:required',
      'sex:required',
      'dateOfBirth:required',
      'wardCode:required',
    ]);
  });

  it('refuses impossible and future dates of birth', () => {
    expect(problemsOf(buildPatientFromForm(validRegistrationForm({ dateOfBirth: '31/02/1990' }), context))).toEqual([
      'dateOfBirth:date-format',
    ]);
    expect(problemsOf(buildPatientFromForm(validRegistrationForm({ dateOfBirth: '24/11/2026' }), context))).toEqual([
      'dateOfBirth:date-of-birth-in-future',
    ]);
  });

  it('cross-checks the CCCD against the sex and year entered', () => {
    expect(problemsOf(buildPatientFromForm(validRegistrationForm({ sex: 'male' }), context))).toEqual([
      'cccd:cccd-sex-mismatch',
    ]);
    expect(problemsOf(buildPatientFromForm(validRegistrationForm({ dateOfBirth: '12/03/1991' }), context))).toEqual([
      'cccd:cccd-birth-year-mismatch',
    ]);
  });

  it('refuses a ward of another province and an unknown ethnicity', () => {
    expect(
      problemsOf(buildPatientFromForm(validRegistrationForm({ provinceCode: '01', ethnicityCode: '99' }), context)),
    ).toEqual(['wardCode:ward-not-in-province', 'ethnicityCode:ethnicity-unknown']);
  });
});
