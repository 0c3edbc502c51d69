import { describe, expect, it } from 'vitest';
import { guardianOnPaper, paperPatient } from '../../renderer/printing/paper-parts';
import { buildPatientFromForm } from '../../shared/patient/registration-form';
import { validRegistrationForm } from '../helpers/patient-forms';

describe("a young child's guardian on the printed papers' header", () => {
  const built = buildPatientFromForm(
    validRegistrationForm({
      familyName: 'Lò',
      middleName: 'Văn',
      givenName: 'Pó',
      sex: 'male',
      dateOfBirth: '05/03/2025',
      cccd: '',
      guardianName: 'Lò Thị Xuân',
      guardianRelation: 'mother',
      guardianCccd: '011188012345',
      guardianPhone: '0912000111',
    }),
    {
      id: '019a0000-0000-7000-8000-000000000009',
      patientCode: '10010-7K3M9QXA',
      facilityCode: '10010',
      deviceId: 'device-1',
      userId: 'staff-1',
      now: '2026-11-23T08:00:00.000Z',
    },
  );
  if (!built.ok) throw new Error(`the sample child is valid: ${JSON.stringify(built.problems)}`);

  it('names the mother, her CCCD and phone, in Vietnamese, beside the child', () => {
    expect(paperPatient(built.patient, '2026-12-03').guardian).toBe(
      'Lò Thị Xuân (mẹ), CCCD 011188012345, ĐT 0912000111',
    );
  });

  it('is empty for a patient without a guardian recorded', () => {
    expect(guardianOnPaper(undefined)).toBe('');
  });
});
