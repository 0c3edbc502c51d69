import { describe, expect, it } from 'vitest';
import type { PatientDocument } from './patient-document';
import { duplicateReasons, possibleDuplicates } from './possible-duplicates';

const patient = (id: string, overrides: Partial<PatientDocument> = {}): PatientDocument => ({
  id,
  facilityCode: '10010',
  patientCode: `10010-${id.padStart(8, '0')}`,
  familyName: 'Nguyễn',
  middleName: 'Thị',
  givenName: 'Đào',
  dateOfBirth: '1990-03-12',
  sex: 'female',
  cccd: '',
  bhyt: '',
  phone: '',
  address: { provinceCode: '15', wardCode: '02647', street: '' },
  ethnicityCode: '01',
  nameKey: 'nguyen thi dao',
  givenNameKey: 'dao nguyen thi',
  createdAt: '2026-11-20T08:00:00.000Z',
  updatedAt: '2026-11-20T08:00:00.000Z',
  createdByDeviceId: 'device-1',
  createdBy: 'staff-1',
  updatedBy: 'staff-1',
  ...overrides,
});

describe('possible duplicates', () => {
  const candidate = patient('NEW', { phone: '0912345678' });

  it('match the folded full name with the birth date', () => {
    expect(duplicateReasons(candidate, patient('A'))).toEqual(['duplicate-name-birth-date']);
  });

  it('match the folded name, birth year and ward when the day differs', () => {
    expect(duplicateReasons(candidate, patient('B', { dateOfBirth: '1990-01-01' }))).toEqual([
      'duplicate-name-birth-year-ward',
    ]);
    expect(
      duplicateReasons(
        candidate,
        patient('C', { dateOfBirth: '1990-01-01', address: { provinceCode: '15', wardCode: '02650', street: '' } }),
      ),
    ).toEqual([]);
    expect(duplicateReasons(candidate, patient('D', { dateOfBirth: '1991-03-12' }))).toEqual([]);
  });

  it('match the phone whatever the name', () => {
    const other = patient('E', { nameKey: 'le van hung', phone: '0912345678' });
    expect(duplicateReasons(candidate, other)).toEqual(['duplicate-phone']);
  });

  it('never match the patient itself, nor two different CCCDs', () => {
    expect(duplicateReasons(candidate, candidate)).toEqual([]);
    expect(duplicateReasons(patient('F', { cccd: '001190012345' }), patient('G', { cccd: '001190099999' }))).toEqual(
      [],
    );
    expect(duplicateReasons(patient('F', { cccd: '001190012345' }), patient('H'))).toEqual([
      'duplicate-name-birth-date',
    ]);
  });

  it('list each patient once, the closest first', () => {
    const registered = [
      patient('E', { nameKey: 'le van hung', phone: '0912345678' }),
      patient('B', { dateOfBirth: '1990-01-01' }),
      patient('A'),
      patient('A'),
      patient('Z', { nameKey: 'tran van an' }),
    ];
    expect(possibleDuplicates(candidate, registered).map(({ patient: { id } }) => id)).toEqual(['A', 'B', 'E']);
  });
});
