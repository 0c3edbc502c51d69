import { describe, expect, it } from 'vitest';
import { refuseFieldsNotOwned } from '../../server/sync/scope-rules';
import { HttpError } from '../../server/http/http-error';
import { patientDocumentSchema } from '../../shared/patient/patient-document';
import { patientProblems } from '../../shared/patient/patient-problems';
import {
  buildPatientFromForm,
  formFromPatient,
  guardianAsked,
  type RegistrationContext,
} from '../../shared/patient/registration-form';
import { SYNCED_COLLECTIONS, type SyncedCollection } from '../../shared/sync/collections';
import { validRegistrationForm } from '../helpers/patient-forms';

const context: RegistrationContext = {
  id: '019a0000-0000-7000-8000-000000000001',
  patientCode: '10010-7K3M9QXA',
  facilityCode: '10010',
  deviceId: 'device-1',
  userId: 'staff-1',
  now: '2026-11-23T08:00:00.000Z',
};
const TODAY = '2026-11-23';

/** A boy born three weeks ago, without a CCCD of his own. */
const newbornForm = (overrides = {}) =>
  validRegistrationForm({
    familyName: 'Con bà',
    middleName: 'Trần Thị',
    givenName: 'Mai',
    dateOfBirth: '02/11/2026',
    sex: 'male',
    cccd: '',
    bhyt: '',
    phone: '',
    ...overrides,
  });

const problemsOf = (result: ReturnType<typeof buildPatientFromForm>): string[] =>
  result.ok ? [] : result.problems.map((problem) => `${problem.field}:${problem.code}`);

describe("a young child's guardian at registration", () => {
  it('is asked for under six years, not for an adult, and kept asking once typed', () => {
    expect(guardianAsked(newbornForm(), TODAY)).toBe(true);
    expect(guardianAsked(newbornForm({ dateOfBirth: '24/11/2020' }), TODAY)).toBe(true);
    expect(guardianAsked(newbornForm({ dateOfBirth: '23/11/2020' }), TODAY)).toBe(false);
    expect(guardianAsked(validRegistrationForm(), TODAY)).toBe(false);
    expect(guardianAsked(validRegistrationForm({ guardianName: 'Lê Văn Bình' }), TODAY)).toBe(true);
  });

  it("requires the guardian's name and relation under six, with every other problem in the same pass", () => {
    expect(problemsOf(buildPatientFromForm(newbornForm(), context))).toEqual([
      'guardianName:required',
      'guardianRelation:required',
    ]);
    const alsoMissingSex = buildPatientFromForm(newbornForm({ sex: '', guardianCccd: '0011900' }), context);
    expect(problemsOf(alsoMissingSex)).toEqual([
      'sex:required',
      'guardianName:required',
      'guardianRelation:required',
      'guardianCccd:cccd-format',
    ]);
  });

  it("checks the guardian's CCCD against the relation (a mother's encodes a woman) and the phone", () => {
    const fatherAsMother = newbornForm({
      guardianName: 'Trần Văn Nam',
      guardianRelation: 'mother',
      guardianCccd: '001088012345',
      guardianPhone: '12345',
    });
    expect(problemsOf(buildPatientFromForm(fatherAsMother, context))).toEqual([
      'guardianCccd:cccd-sex-mismatch',
      'guardianPhone:phone-format',
    ]);
  });

  it('stores the guardian tidied, and reads it back into the form for an edit', () => {
    const result = buildPatientFromForm(
      newbornForm({
        guardianName: ' Trần  Thị Mai ',
        guardianRelation: 'mother',
        guardianCccd: '001 190 012345',
        guardianPhone: '+84 912 345 678',
      }),
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.patient.guardian).toEqual({
      name: 'Trần Thị Mai',
      relation: 'mother',
      cccd: '001190012345',
      phone: '0912345678',
    });
    expect(patientDocumentSchema.safeParse(result.patient).success).toBe(true);
    expect(formFromPatient(result.patient)).toMatchObject({
      guardianName: 'Trần Thị Mai',
      guardianRelation: 'mother',
      guardianCccd: '001190012345',
    });
  });

  it('records no guardian for an adult', () => {
    const result = buildPatientFromForm(validRegistrationForm(), context);
    expect(result.ok && result.patient.guardian).toBe(undefined);
  });
});

describe("a merge's marks on a patient record", () => {
  const built = buildPatientFromForm(validRegistrationForm(), context);
  if (!built.ok) throw new Error('the sample patient is valid');
  const patient = { ...built.patient, _deleted: false };
  const patients = SYNCED_COLLECTIONS.patients as unknown as SyncedCollection<Record<string, unknown>>;
  const device = { deviceId: 'd', facilityCode: '10010', provinceCode: '15' };
  const refusal = (base: object, pushed: object): unknown => {
    try {
      refuseFieldsNotOwned(patients, device, base as typeof patient, pushed as typeof patient);
    } catch (error) {
      if (error instanceof HttpError) return error.details;
      throw error;
    }
    return null;
  };

  it('are accepted from the province and never set or cleared by a PC', () => {
    const alias = { ...patient, mergedInto: '019a0000-0000-7000-8000-000000000002' };
    expect(patientDocumentSchema.safeParse({ ...built.patient, mergedInto: alias.mergedInto }).success).toBe(true);
    expect(refusal(alias, { ...alias, phone: '0987654321' })).toBeNull();
    const { mergedInto: _cleared, ...split } = alias;
    expect(refusal(alias, split)).toMatchObject({ reason: 'field-not-owned', field: 'mergedInto' });
    expect(refusal(patient, alias)).toMatchObject({ reason: 'field-not-owned', field: 'mergedInto' });
    expect(refusal(patient, { ...patient, mergedAliases: ['x'] })).toMatchObject({ field: 'mergedAliases' });
    // A guardian added by an edit is the facility's to write.
    const guardian = { name: 'Trần Thị Mai', relation: 'mother', cccd: '', phone: '' };
    expect(refusal(patient, { ...patient, guardian })).toBeNull();
  });

  it('cannot name the record itself as its primary', () => {
    expect(patientProblems({ ...built.patient, mergedInto: built.patient.id })).toContainEqual({
      field: 'mergedInto',
      code: 'merged-into-itself',
    });
  });
});
