import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACILITY } from '../../server/demo/demo-facility';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { DuplicateCandidate, DuplicatePage, MergedPerson } from '../../shared/identity/duplicates-api';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { RegistrationForm } from '../../shared/patient/registration-form';
import { adminSession } from '../helpers/admin-accounts';
import { adminRequest } from '../helpers/admin-requests';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { addFacility, type OtherFacility } from '../helpers/second-facility';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const PROVINCE_HOSPITAL = '15001';
const LOOKUP = { purpose: 'Khám bệnh, cần tiền sử điều trị', emergency: false, reason: '' };

/** The same woman at both facilities: the same CCCD (and name, birth date, ward). */
const WITH_CCCD = validRegistrationForm({ cccd: '001190012345', bhyt: '', phone: '' });
/** A man with no CCCD, each facility holding a different BHYT card number for him. */
const NO_CCCD: RegistrationForm = validRegistrationForm({
  familyName: 'Lò',
  middleName: 'Văn',
  givenName: 'Pó',
  sex: 'male',
  dateOfBirth: '02/09/1975',
  cccd: '',
  phone: '',
});
/** Two different women who share a name, a birth date and a ward: the admin tells them apart. */
const NAMESAKE = validRegistrationForm({
  givenName: 'Mai',
  dateOfBirth: '01/01/1980',
  cccd: '',
  bhyt: '',
  phone: '',
});

/** A newborn's mother, as registration asks for a child under six. */
const MOTHER = {
  guardianName: 'Nguyễn Thị Hoa',
  guardianRelation: 'mother',
  guardianCccd: '001190054321',
  guardianPhone: '',
} satisfies Partial<RegistrationForm>;
const FATHER = {
  guardianName: 'Trần Văn Bình',
  guardianRelation: 'father',
  guardianCccd: '001088054321',
  guardianPhone: '',
} satisfies Partial<RegistrationForm>;

/**
 * The province's master patient index (server/identity): real PCs at two facilities register
 * the same people; the province lists each pair once with the rule that matched, a province
 * admin merges a pair (nothing deleted, the other id an alias) after which a history lookup by
 * either record's identifier finds the whole person, and a dismissed pair never comes back.
 */
describe('one patient, one identity across the province', () => {
  let server: TestServer;
  let province: OtherFacility;
  let district: IsolatedClient;
  let hospital: IsolatedClient;
  let admin: string;
  type Case = 'cccd' | 'bhyt' | 'namesake';
  /** Each case's record at the district and at the hospital, once both are registered. */
  const at = {} as Record<Case, { district: PatientDocument; hospital: PatientDocument }>;

  const candidates = async (query = ''): Promise<DuplicateCandidate[]> => {
    const answer = await adminRequest(server.url, 'GET', `/duplicates${query}`, undefined, admin);
    expect(answer.status).toBe(200);
    return (answer.body as DuplicatePage).candidates;
  };
  const pairOf = (found: readonly DuplicateCandidate[], a: PatientDocument, b: PatientDocument) =>
    found.filter((pair) => [pair.firstId, pair.secondId].sort().join() === [a.id, b.id].sort().join());
  const registered = async (client: IsolatedClient, form: RegistrationForm): Promise<PatientDocument> => {
    const result = await client.patients.register(form);
    if (!result.ok) throw new Error(`not registered: ${JSON.stringify(result)}`);
    return result.patient;
  };
  const atProvince = (id: string) =>
    waitFor(
      async () => (await server.database.query('SELECT 1 FROM sync_documents WHERE id = $1', [id])).length === 1,
      `patient ${id} reaches the province`,
      30_000,
    );
  const documentDigest = () =>
    server.database.query<{ collection: string; id: string; deleted: boolean; digest: string }>(
      'SELECT collection, id, deleted, md5(body::text) AS digest FROM sync_documents ORDER BY collection, id',
    );

  beforeAll(async () => {
    server = await TestServer.start();
    province = await addFacility(server, PROVINCE_HOSPITAL, 'Bệnh viện Đa khoa tỉnh (demo)');
    admin = (await adminSession(server.url, 'tinh', 'province-admin')).token;
    district = await IsolatedClient.open(server.url, await server.enroll('tiếp đón huyện'));
    hospital = await IsolatedClient.open(server.url, await server.enroll('tiếp đón tỉnh', province.enrollmentCode));
    await district.goOnline();
    await hospital.goOnline();
    // The hospital's registrar-doctor reaches its PC with the first sync; then they log in.
    await waitFor(
      () =>
        hospital.history.logInAs(province.doctorId, province.doctorPassword).then(
          () => true,
          () => false,
        ),
      "the hospital doctor's account reaches its PC",
      30_000,
    );

    const cases: [Case, RegistrationForm, RegistrationForm][] = [
      ['cccd', WITH_CCCD, WITH_CCCD],
      ['bhyt', { ...NO_CCCD, bhyt: 'DN4010111111111' }, { ...NO_CCCD, bhyt: '1502222222' }],
      ['namesake', NAMESAKE, NAMESAKE],
    ];
    for (const [name, districtForm, hospitalForm] of cases) {
      at[name] = {
        district: await registered(district, districtForm),
        hospital: await registered(hospital, hospitalForm),
      };
    }
    for (const pair of Object.values(at)) {
      await atProvince(pair.district.id);
      await atProvince(pair.hospital.id);
    }
  }, 120_000);

  afterAll(async () => {
    await district.close();
    await hospital.close();
    await server.close();
  });

  it('lists each pair once, with the rule that matched and both records side by side', async () => {
    const found = await candidates();
    const sameCccd = pairOf(found, at.cccd.district, at.cccd.hospital);
    expect(sameCccd).toHaveLength(1);
    const [{ rules, first, second }] = sameCccd as [DuplicateCandidate];
    expect(rules).toEqual(['same-cccd', 'same-name-birth-date-ward']);
    expect([first.facilityCode, second.facilityCode].sort()).toEqual([DEMO_FACILITY.code, PROVINCE_HOSPITAL].sort());
    expect(first).toMatchObject({ fullName: 'Nguyễn Thị Đào', dateOfBirth: '1990-03-12', cccd: '001190012345' });
    expect(first.wardName).not.toBe('');

    const noCccd = pairOf(found, at.bhyt.district, at.bhyt.hospital);
    expect(noCccd.map((pair) => pair.rules)).toEqual([['same-name-birth-date-ward']]);
    expect(pairOf(found, at.namesake.district, at.namesake.hospital)).toHaveLength(1);

    // Asked again (nothing new pushed), and by facility: still once.
    expect(pairOf(await candidates(), at.cccd.district, at.cccd.hospital)).toHaveLength(1);
    const hospitalOnly = await candidates(`?facility=${PROVINCE_HOSPITAL}`);
    expect(hospitalOnly).toHaveLength(found.length);
    expect(await candidates('?facility=10099')).toEqual([]);
  });

  it('pages the list with a cursor, each pair once', async () => {
    const first = await adminRequest(server.url, 'GET', '/duplicates?limit=2', undefined, admin);
    const page = first.body as DuplicatePage;
    expect(page.candidates).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const rest = (
      await adminRequest(server.url, 'GET', `/duplicates?limit=2&cursor=${page.nextCursor}`, undefined, admin)
    ).body as DuplicatePage;
    expect(rest.nextCursor).toBeNull();
    const ids = [...page.candidates, ...rest.candidates].map((pair) => pair.firstId + pair.secondId);
    expect(new Set(ids).size).toBe(3);
  });

  it('merges a pair into one person found whole by either BHYT number, deleting and rewriting nothing', async () => {
    const { district: atDistrict, hospital: atHospital } = at.bhyt;
    await district.actAs(DEMO_STAFF.doctor.id);
    // Before the merge, neither BHYT number leads to the other facility's record.
    expect(await district.history.lookUp(atDistrict, LOOKUP)).toEqual({ ok: true, count: 0 });

    const before = await documentDigest();
    const merged = await adminRequest(
      server.url,
      'POST',
      '/duplicates/merge',
      { firstId: atHospital.id, secondId: atDistrict.id, primaryId: atHospital.id, note: 'Cùng một người' },
      admin,
    );
    expect(merged.status).toBe(200);
    const person = merged.body as MergedPerson;
    expect(person.primaryId).toBe(atHospital.id);
    expect(person.members).toEqual(
      [
        { patientId: atDistrict.id, facilityCode: DEMO_FACILITY.code },
        { patientId: atHospital.id, facilityCode: PROVINCE_HOSPITAL },
      ].sort((a, b) => a.facilityCode.localeCompare(b.facilityCode)),
    );
    expect(await documentDigest()).toEqual(before);

    // Either facility, asking by its own card number, now gets the other's record.
    expect(await district.history.lookUp(atDistrict, LOOKUP)).toEqual({ ok: true, count: 1 });
    expect([...(await district.history.kept(atDistrict.id)).facilities.keys()]).toEqual([PROVINCE_HOSPITAL]);
    expect(await hospital.history.lookUp(atHospital, LOOKUP)).toEqual({ ok: true, count: 1 });
    expect([...(await hospital.history.kept(atHospital.id)).facilities.keys()]).toEqual([DEMO_FACILITY.code]);

    // The pair is settled: not listed, not merged twice; the merge is in the admin audit.
    expect(pairOf(await candidates(), atDistrict, atHospital)).toEqual([]);
    const again = await adminRequest(
      server.url,
      'POST',
      '/duplicates/merge',
      { firstId: atDistrict.id, secondId: atHospital.id, primaryId: atDistrict.id },
      admin,
    );
    expect(again.status).toBe(409);
    const audit = (await adminRequest(server.url, 'GET', '/admin-audit', undefined, admin)).body as {
      entries: { action: string; adminName: string; detail: Record<string, unknown> }[];
    };
    expect(audit.entries.find((entry) => entry.action === 'POST /admin/v1/duplicates/merge')).toMatchObject({
      adminName: 'Quản trị tinh',
      detail: { firstId: atHospital.id, secondId: atDistrict.id, primaryId: atHospital.id },
    });
  });

  it('merges the same CCCD too, and the lookup by CCCD still returns the other facility', async () => {
    const { district: atDistrict, hospital: atHospital } = at.cccd;
    const merged = await adminRequest(
      server.url,
      'POST',
      '/duplicates/merge',
      { firstId: atDistrict.id, secondId: atHospital.id, primaryId: atDistrict.id },
      admin,
    );
    expect(merged.status).toBe(200);
    expect(await hospital.history.lookUp(atHospital, LOOKUP)).toEqual({ ok: true, count: 1 });
  });

  it('never proposes a dismissed pair again, even after either record changes', async () => {
    const { district: atDistrict, hospital: atHospital } = at.namesake;
    const dismissed = await adminRequest(
      server.url,
      'POST',
      '/duplicates/dismiss',
      { firstId: atDistrict.id, secondId: atHospital.id, note: 'Hai người khác nhau' },
      admin,
    );
    expect(dismissed.status).toBe(200);
    expect(pairOf(await candidates(), atDistrict, atHospital)).toEqual([]);

    // The district edits her record (a new street): indexed again, still not proposed.
    const edited = await district.patients.updateFromForm(atDistrict.id, { ...NAMESAKE, street: 'Thôn 3' });
    expect(edited.ok).toBe(true);
    await expect
      .poll(
        async () =>
          (
            await server.database.query<{ street: string }>(
              `SELECT body->'address'->>'street' AS street FROM sync_documents WHERE id = $1`,
              [atDistrict.id],
            )
          )[0]?.street,
        { timeout: 30_000 },
      )
      .toBe('Thôn 3');
    expect(pairOf(await candidates(), atDistrict, atHospital)).toEqual([]);
    const again = await adminRequest(
      server.url,
      'POST',
      '/duplicates/dismiss',
      { firstId: atDistrict.id, secondId: atHospital.id },
      admin,
    );
    expect(again.status).toBe(409);
  });

  it('proposes a newborn registered with a temporary code once the child is registered elsewhere with a CCCD', async () => {
    const today = new Date();
    const born = new Date(today.getTime() - 20 * 86_400_000);
    const birth = `${String(born.getUTCDate()).padStart(2, '0')}/${String(born.getUTCMonth() + 1).padStart(2, '0')}/${born.getUTCFullYear()}`;
    await district.actAs(DEMO_STAFF.registrar.id);
    // At birth, under the mother's name; later, named and with a CCCD issued at birth registration.
    const baby = await registered(
      district,
      validRegistrationForm({
        familyName: 'Con bà',
        middleName: 'Nguyễn Thị',
        givenName: 'Hoa',
        sex: 'male',
        dateOfBirth: birth,
        cccd: '',
        bhyt: '',
        phone: '',
        ...MOTHER,
      }),
    );
    const child = await registered(
      hospital,
      validRegistrationForm({
        familyName: 'Trần',
        middleName: 'Văn',
        givenName: 'An',
        sex: 'male',
        dateOfBirth: birth,
        cccd: `0012${String(born.getUTCFullYear()).slice(2)}123456`,
        bhyt: '',
        phone: '',
        // Brought by the father this time: his CCCD is not the mother's.
        ...FATHER,
      }),
    );
    await atProvince(baby.id);
    await atProvince(child.id);
    const [pair] = pairOf(await candidates(), baby, child);
    expect(pair?.rules).toEqual(['temporary-code-to-cccd']);
    const babySide = pair?.firstId === baby.id ? pair.first : pair?.second;
    expect(babySide?.temporaryCode).toBe(`SS-${baby.patientCode}`);

    // The same baby registered again at the hospital, still without a CCCD, under another name and
    // ward: the mother's CCCD and the birth date are what match.
    const again = await registered(
      hospital,
      validRegistrationForm({
        familyName: 'Con bà',
        middleName: 'Trần Thị',
        givenName: 'Mai',
        sex: 'male',
        dateOfBirth: birth,
        cccd: '',
        bhyt: '',
        phone: '',
        wardCode: '02671',
        ...MOTHER,
        guardianName: 'Trần Thị Mai',
      }),
    );
    await atProvince(again.id);
    const [byMother] = pairOf(await candidates(), baby, again);
    expect(byMother?.rules).toEqual(['newborn-same-guardian']);
  });
});
