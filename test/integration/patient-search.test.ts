import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientPrefixQuery } from '../../renderer/patients/patients-repository';
import { PATIENT_INDEXES } from '../../shared/patient/patient-document';
import { numberedRegistrationForm, validRegistrationForm } from '../helpers/patient-forms';
import { TestClient } from '../helpers/test-client';

const ENROLLMENT = {
  deviceId: '019a0000-0000-7000-8000-0000000000aa',
  token: 'unused',
  facility: { code: '10010', name: 'demo', provinceCode: '15' },
  deviceTag: '00',
};

describe('patient search on the local database', () => {
  let client: TestClient;

  beforeAll(async () => {
    // Sync is never started: search is purely local.
    client = await TestClient.open('http://127.0.0.1:9', ENROLLMENT);
    await client.patients.register(validRegistrationForm());
    await client.patients.register(
      validRegistrationForm({
        familyName: 'Lò',
        middleName: 'Văn',
        givenName: 'Pó',
        cccd: '',
        bhyt: '7912345678',
        phone: '0388777666',
        sex: 'male',
      }),
    );
    for (let n = 0; n < 20; n++)
      await client.patients.register({ ...numberedRegistrationForm('Bình', n), familyName: 'Trần' });
  });
  afterAll(async () => {
    await client.close();
  });

  const names = async (text: string): Promise<string[]> =>
    (await client.patients.search(text)).map(
      (patient) => `${patient.familyName} ${patient.middleName} ${patient.givenName}`,
    );

  it('finds by name typed without diacritics, in written or given-name-first order', async () => {
    expect(await names('nguyen thi dao')).toEqual(['Nguyễn Thị Đào']);
    expect(await names('dao')).toEqual(['Nguyễn Thị Đào']);
    expect(await names('NGUYỄN')).toEqual(['Nguyễn Thị Đào']);
    expect(await names('po lo')).toEqual(['Lò Văn Pó']);
    expect(await names('Đào'.normalize('NFD'))).toEqual(['Nguyễn Thị Đào']);
  });

  it('finds by CCCD, card number, phone and patient code prefixes', async () => {
    expect(await names('001190012345')).toEqual(['Nguyễn Thị Đào']);
    expect(await names('7912345678')).toEqual(['Lò Văn Pó']);
    expect(await names('dn4010')).toContain('Nguyễn Thị Đào');
    expect(await names('0388 777')).toEqual(['Lò Văn Pó']);
    expect(await names('+84388777666')).toEqual(['Lò Văn Pó']);
    const [patient] = await client.patients.search('po lo');
    const code = patient?.patientCode ?? 'missing';
    expect(await names(code.slice(0, 9))).toContain('Lò Văn Pó');
    expect(await names(code.replace('-', '').toLowerCase())).toEqual(['Lò Văn Pó']);
  });

  it('finds nothing for a name that is not there', async () => {
    expect(await names('pham')).toEqual([]);
  });

  it.each(PATIENT_INDEXES)('plans the %s search as a range over its index, not a scan', (field) => {
    const plan = client.database.patients.find(patientPrefixQuery(field, 'abc')).getPreparedQuery().queryPlan;
    // RxDB leads every index with _deleted so that tombstones sit apart.
    expect(plan.index).toEqual(['_deleted', field, 'id']);
    expect(plan.selectorSatisfiedByIndex).toBe(true);
    expect(plan.startKeys[1]).toBe('abc');
  });
});
