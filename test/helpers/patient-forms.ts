import { EMPTY_REGISTRATION_FORM, type RegistrationForm } from '../../shared/patient/registration-form';

/** Nguyễn Thị Đào, born 12/03/1990 in Hà Nội, living in Phường Lào Cai: every field valid. */
export function validRegistrationForm(overrides: Partial<RegistrationForm> = {}): RegistrationForm {
  return {
    ...EMPTY_REGISTRATION_FORM,
    familyName: 'Nguyễn',
    middleName: 'Thị',
    givenName: 'Đào',
    dateOfBirth: '12/03/1990',
    sex: 'female',
    cccd: '001190012345',
    bhyt: 'DN4010123456789',
    phone: '0912345678',
    provinceCode: '15',
    wardCode: '02647',
    street: 'Số 5, đường Hoàng Liên',
    ethnicityCode: '01',
    ...overrides,
  };
}

/** The n-th of a series of distinct valid patients (distinct CCCD and given name). */
export function numberedRegistrationForm(prefix: string, n: number): RegistrationForm {
  return validRegistrationForm({
    givenName: `${prefix} ${n}`,
    cccd: `0011900${String(n).padStart(5, '0')}`.slice(0, 12),
  });
}
