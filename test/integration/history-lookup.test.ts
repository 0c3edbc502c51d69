import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACILITY } from '../../server/demo/demo-facility';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import {
  HISTORY_PATH,
  REPEAT_TESTS_PATH,
  type HistoryRequest,
  type HistoryResponse,
} from '../../shared/history/history-request';
import { signHistoryRequest } from '../../shared/history/sign-history-request';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { adminRequest } from '../helpers/admin-requests';
import { CREATININE, finishedVisit, labOrder, labResult, type Authorship } from '../helpers/clinical-history';
import { patientDocument } from '../helpers/patient-documents';
import { referralDocument } from '../helpers/referral-documents';
import { pushPatientHistory } from '../helpers/push-clinical-history';
import { addFacility, type OtherFacility } from '../helpers/second-facility';
import { demoSigner, signedRows } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { TestServer } from '../helpers/test-server';
import { IsolatedClient } from '../helpers/isolated-client';
import { DOCTOR_PASSWORD } from '../helpers/second-facility';

const LOOKUPS_PER_MINUTE = 8;
const PROVINCE_CODE = '15001';

interface LookupRecord {
  id: string;
  staffId: string;
  purpose: string;
  emergency: boolean;
  reason: string;
  outcome: string;
  facilityCode: string;
  returned: Record<string, string[]>;
}

/**
 * The province's history lookup: a clinician at one facility reads a patient's records made at
 * the province's other facilities, if their role allows it and the patient is at their facility
 * (or in an emergency, with a reason, raising an alert); each lookup and refusal is recorded.
 */
describe('a patient history from other facilities', () => {
  let server: TestServer;
  let districtToken: string;
  let province: OtherFacility;
  /** Registered at the district with a visit and a creatinine result, and at the province. */
  let shared: PatientDocument;
  /** Registered at the district only. */
  let districtOnly: PatientDocument;
  let districtHistory: Awaited<ReturnType<typeof historyOf>>;
  /** The same person as registered at the province's hospital */
  let atProvince: PatientDocument;

  const historyOf = (patient: PatientDocument) => {
    const doctor: Authorship = { facilityCode: DEMO_FACILITY.code, deviceId: 'pc-1', staffId: DEMO_STAFF.doctor.id };
    const lab: Authorship = { ...doctor, staffId: DEMO_STAFF.labTechnician.id };
    const visit = finishedVisit(patient.id, doctor, '2026-11-30');
    const order = labOrder(visit, doctor, [[CREATININE.code, CREATININE.name]]);
    return {
      encounters: [visit],
      orders: [order],
      observations: [labResult(order, lab, { ...CREATININE, value: 95 })],
    };
  };

  const ask = async (
    token: string,
    signer: DocumentSigner,
    keys: Partial<Pick<HistoryRequest, 'cccd' | 'bhyt' | 'emergency' | 'reason' | 'id'>>,
  ) => {
    const request: HistoryRequest = {
      id: uuidv7(),
      staffId: signer.signer,
      at: new Date().toISOString(),
      cccd: '',
      bhyt: '',
      purpose: 'Khám bệnh, cần tiền sử điều trị',
      emergency: false,
      reason: '',
      ...keys,
    };
    const body = await signHistoryRequest(request, signer);
    return { request, answer: await syncRequest(server.url, token, 'history', 'push', { path: HISTORY_PATH, body }) };
  };
  const lookups = async (path = '/history-lookups') =>
    (await adminRequest(server.url, 'GET', path)).body as { lookups?: LookupRecord[]; alerts?: LookupRecord[] };

  beforeAll(async () => {
    server = await TestServer.start({ historyLookupsPerMinute: LOOKUPS_PER_MINUTE });
    districtToken = (await server.enroll('phòng khám 1')).token;
    province = await addFacility(server, PROVINCE_CODE, 'Bệnh viện Đa khoa tỉnh (demo)');
    shared = patientDocument(DEMO_FACILITY.code, { cccd: '001190012345', bhyt: '' });
    districtOnly = patientDocument(DEMO_FACILITY.code, { cccd: '001190099999' });
    districtHistory = historyOf(shared);
    await pushPatientHistory(server.url, districtToken, shared, districtHistory);
    await pushPatientHistory(server.url, districtToken, districtOnly, historyOf(districtOnly));
    // The same person registered at the province's hospital, by its own registrar-doctor.
    atProvince = patientDocument(PROVINCE_CODE, {
      cccd: shared.cccd,
      bhyt: '',
      createdBy: province.doctorId,
      updatedBy: province.doctorId,
    });
    const pushed = await syncRequest(server.url, province.token, 'patients', 'push', {
      body: await signedRows('patients', [{ ...atProvince }], province.doctor),
    });
    expect(pushed).toEqual({ status: 200, body: [] });
  }, 60_000);

  afterAll(async () => {
    await server.close();
  });

  it("gives a province doctor the patient's district records, each marked with its facility, and records it", async () => {
    const { request, answer } = await ask(province.token, province.doctor, { cccd: shared.cccd });
    expect(answer.status).toBe(200);
    const { records } = answer.body as HistoryResponse;
    const ids = (collection: string) =>
      records.filter((record) => record.collection === collection).map((record) => record.document.id);
    expect(ids('patients')).toEqual([shared.id]);
    expect(ids('encounters')).toEqual(districtHistory.encounters.map((visit) => visit.id));
    expect(ids('orders')).toEqual(districtHistory.orders.map((order) => order.id));
    expect(ids('observations')).toEqual(districtHistory.observations.map((result) => result.id));
    for (const record of records) {
      expect(record.facilityCode).toBe(DEMO_FACILITY.code);
      expect(record.facilityName).toBe(DEMO_FACILITY.name);
    }
    // The province's own registration is on its PCs already: not returned.
    expect(records.some((record) => record.facilityCode === PROVINCE_CODE)).toBe(false);

    const recorded = (await lookups()).lookups?.find((lookup) => lookup.id === request.id);
    expect(recorded).toMatchObject({
      staffId: province.doctorId,
      purpose: request.purpose,
      outcome: 'shown',
      facilityCode: PROVINCE_CODE,
      emergency: false,
    });
    expect(recorded?.returned.observations).toEqual(districtHistory.observations.map((result) => result.id));

    // The same signed request sent again (a replay) is refused.
    const again = await syncRequest(server.url, province.token, 'history', 'push', {
      path: HISTORY_PATH,
      body: await signHistoryRequest(request, province.doctor),
    });
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ code: 'forbidden', details: { reason: 'request-reused' } });
  });

  it("keeps what a doctor's PC fetched on that PC, readable offline, each record with its facility", async () => {
    const pc = await IsolatedClient.open(server.url, await server.enroll('khoa khám bệnh', `TEST-${PROVINCE_CODE}`));
    try {
      await pc.goOnline();
      // The doctor's account reaches the new PC with its first sync; then they log in.
      await expect
        .poll(
          () =>
            pc.history.logInAs(province.doctorId, DOCTOR_PASSWORD).then(
              () => true,
              () => false,
            ),
          { timeout: 30_000 },
        )
        .toBe(true);
      const looked = await pc.history.lookUp(atProvince, { purpose: 'Khám bệnh', emergency: false, reason: '' });
      expect(looked).toEqual({ ok: true, count: 4 });
      // Sync stops (the link is down): what was fetched is read from this PC alone.
      await pc.goOffline();
      const kept = await pc.history.kept(atProvince.id);
      expect(kept.documents.encounters.map((visit) => visit.id)).toEqual(
        districtHistory.encounters.map((visit) => visit.id),
      );
      expect(kept.documents.observations.map((result) => result.id)).toEqual(
        districtHistory.observations.map((result) => result.id),
      );
      expect([...kept.facilities]).toEqual([[DEMO_FACILITY.code, DEMO_FACILITY.name]]);
    } finally {
      await pc.close();
    }
  });

  it('refuses a patient who is neither registered nor referred at the asking facility, and records the attempt', async () => {
    const { request, answer } = await ask(province.token, province.doctor, { cccd: districtOnly.cccd });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'forbidden', details: { reason: 'patient-not-here' } });
    const recorded = (await lookups()).lookups?.find((lookup) => lookup.id === request.id);
    expect(recorded).toMatchObject({ outcome: 'patient-not-here', staffId: province.doctorId, returned: {} });
  });

  it('lets the facility a patient is referred to look them up before they are registered there', async () => {
    const referred = patientDocument(DEMO_FACILITY.code, { cccd: '001190055555' });
    await pushPatientHistory(server.url, districtToken, referred, historyOf(referred));
    const before = await ask(province.token, province.doctor, { cccd: referred.cccd });
    expect(before.answer.status).toBe(403);
    const referral = referralDocument(referred, PROVINCE_CODE, DEMO_STAFF.doctor.id);
    const sent = await syncRequest(server.url, districtToken, 'referrals', 'push', {
      body: await signedRows('referrals', [{ ...referral }], await demoSigner(DEMO_STAFF.doctor.id)),
    });
    expect(sent).toEqual({ status: 200, body: [] });
    const after = await ask(province.token, province.doctor, { cccd: referred.cccd });
    expect(after.answer.status).toBe(200);
    expect((after.answer.body as HistoryResponse).records.map((record) => record.document.id)).toContain(referred.id);
  });

  it('refuses a role that may not read clinical records, and records the attempt', async () => {
    const registrar = await demoSigner(DEMO_STAFF.registrar.id);
    const { request, answer } = await ask(districtToken, registrar, { cccd: shared.cccd });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'forbidden', details: { reason: 'not-permitted' } });
    const recorded = (await lookups()).lookups?.find((lookup) => lookup.id === request.id);
    expect(recorded).toMatchObject({ outcome: 'not-permitted', staffId: DEMO_STAFF.registrar.id });
  });

  it('refuses a request signed by someone else than the staff member it names', async () => {
    const doctor = await demoSigner(DEMO_STAFF.doctor.id);
    const request: HistoryRequest = {
      id: uuidv7(),
      staffId: DEMO_STAFF.nurse.id,
      at: new Date().toISOString(),
      cccd: shared.cccd,
      bhyt: '',
      purpose: 'thử',
      emergency: false,
      reason: '',
    };
    const answer = await syncRequest(server.url, districtToken, 'history', 'push', {
      path: HISTORY_PATH,
      body: await signHistoryRequest(request, doctor),
    });
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'forbidden', details: { reason: 'signature-invalid' } });
  });

  it('lets a break-glass lookup through without the patient here, with a reason, and lists it for the sync admin', async () => {
    const refusedWithoutReason = await ask(province.token, province.doctor, {
      cccd: districtOnly.cccd,
      emergency: true,
    });
    expect(refusedWithoutReason.answer.status).toBe(400);

    const reason = 'Bệnh nhân hôn mê, cấp cứu, cần biết tiền sử';
    const { request, answer } = await ask(province.token, province.doctor, {
      cccd: districtOnly.cccd,
      emergency: true,
      reason,
    });
    expect(answer.status).toBe(200);
    expect((answer.body as HistoryResponse).records.map((record) => record.document.id)).toContain(districtOnly.id);
    const { alerts } = await lookups('/history-alerts');
    expect(alerts?.map((alert) => alert.id)).toEqual([request.id]);
    expect(alerts?.[0]).toMatchObject({ emergency: true, reason, outcome: 'shown', staffId: province.doctorId });
    const unauthenticated = await adminRequest(server.url, 'GET', '/history-alerts', undefined, null);
    expect(unauthenticated.status).toBe(401);
  });

  it('limits the lookups each device makes per minute', async () => {
    const { token } = await server.enroll('khoa cấp cứu', `TEST-${PROVINCE_CODE}`);
    const statuses: number[] = [];
    for (let n = 0; n <= LOOKUPS_PER_MINUTE; n += 1) {
      statuses.push((await ask(token, province.doctor, { cccd: shared.cccd })).answer.status);
    }
    expect(statuses).toEqual([...Array<number>(LOOKUPS_PER_MINUTE).fill(200), 429]);
    // Another device of the same facility still has its allowance.
    expect(
      (await ask(districtToken, await demoSigner(DEMO_STAFF.doctor.id), { cccd: shared.cccd })).answer.status,
    ).toBe(200);
  });

  it('counts the repeat-test warnings each facility reports, once per report', async () => {
    const report = (outcome: 'ordered' | 'avoided', source: 'local' | 'foreign') => ({
      id: uuidv7(),
      testCode: CREATININE.code,
      outcome,
      source,
      earlierFacilityCode: source === 'local' ? PROVINCE_CODE : DEMO_FACILITY.code,
      at: new Date().toISOString(),
    });
    const reports = [report('avoided', 'foreign'), report('avoided', 'local'), report('ordered', 'foreign')];
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const sent = await syncRequest(server.url, province.token, 'repeat-tests', 'push', {
        path: REPEAT_TESTS_PATH,
        body: { reports },
      });
      expect(sent.status).toBe(200);
    }
    const counted = await adminRequest(server.url, 'GET', `/repeat-tests?facility=${PROVINCE_CODE}`);
    expect(counted.body).toEqual({
      counts: [
        { facilityCode: PROVINCE_CODE, warningsShown: 3, testsAvoided: 2, orderedAnyway: 1, fromOtherFacilities: 2 },
      ],
    });
  });
});
