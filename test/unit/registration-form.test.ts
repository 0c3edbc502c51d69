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

  it('shows every problem in one pass: bad identifiers beside missing required fields', () => {
    const result = buildPatientFromForm(
      validRegistrationForm({
        familyName: '',
        sex: '',
        provinceCode: '',
        wardCode: '',
        cccd: '12345',
        bhyt: 'ABC',
        phone: '123',
      }),
      context,
    );
    expect(problemsOf(result)).toEqual([
      'familyName:required',
      'sex:required',
      'provinceCode:required',
      'cccd:cccd-format',
      'bhyt:bhyt-format',
      'phone:phone-format',
    ]);
  });

  it('checks the CCCD against the sex and year that are known while other fields are missing', () => {
    const result = buildPatientFromForm(validRegistrationForm({ givenName: '', sex: 'male' }), context);
    expect(problemsOf(result)).toEqual(['givenName:required', 'cccd:cccd-sex-mismatch']);
    const noDate = buildPatientFromForm(validRegistrationForm({ dateOfBirth: '', cccd: '001090012345' }), context);
    expect(problemsOf(noDate)).toEqual(['dateOfBirth:required', 'cccd:cccd-sex-mismatch']);
  });

  it('accepts the birth date typed as eight digits, as Tab would tidy it', () => {
    const result = buildPatientFromForm(validRegistrationForm({ dateOfBirth: '12031990' }), context);
    expect(result.ok && result.patient.dateOfBirth).toBe('1990-03-12');
    expect(problemsOf(buildPatientFromForm(validRegistrationForm({ dateOfBirth: '31021990' }), context))).toEqual([
      'dateOfBirth:date-format',
    ]);
  });

  it('refuses an age over 120 and accepts one of 101 (the form only warns)', () => {
    expect(
      problemsOf(buildPatientFromForm(validRegistrationForm({ dateOfBirth: '12/03/1892', cccd: '' }), context)),
    ).toEqual(['dateOfBirth:date-of-birth-over-max-age']);
    expect(
      problemsOf(buildPatientFromForm(validRegistrationForm({ dateOfBirth: '23/11/1905', cccd: '' }), context)),
    ).toEqual(['dateOfBirth:date-of-birth-over-max-age']);
    expect(buildPatientFromForm(validRegistrationForm({ dateOfBirth: '24/11/1905', cccd: '' }), context).ok).toBe(true);
    expect(buildPatientFromForm(validRegistrationForm({ dateOfBirth: '12/03/1925', cccd: '' }), context).ok).toBe(true);
  });
});
