import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import {
  DEMO_PROVINCE_DOCTOR,
  DEMO_PROVINCE_ENROLLMENT_CODE,
  DEMO_PROVINCE_HOSPITAL,
  seedDemoProvinceHospital,
} from '../../server/demo/demo-province-hospital';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import { listStaff } from '../../server/staff/staff-store';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { GLUCOSE, finishedVisit, labOrder, labResult } from '../helpers/clinical-history';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { patientDocument } from '../helpers/patient-documents';
import { pushPatientHistory } from '../helpers/push-clinical-history';
import { signedRows, storedStaffSigner } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import type { TestServer } from '../helpers/test-server';

const POLL = { timeout: 30_000 };
const APPENDICITIS = { code: 'K35.8', name: 'Viêm ruột thừa cấp, khác và không đặc hiệu', primary: true };

let patient: PatientDocument;
let visit: EncounterDocument;

/** A district patient whose visit today ended "refer", with a raised glucose on the way. */
async function prepare(server: TestServer): Promise<void> {
  await seedDemoProvinceHospital(server.database);
  const examRoom = await server.enroll('phòng khám 2');
  const by = (staffId: string) => ({ facilityCode: DEMO_FACILITY_CODE, deviceId: examRoom.deviceId, staffId });
  const doctor = by(DEMO_STAFF.doctor.id);
  patient = patientDocument(DEMO_FACILITY_CODE, { cccd: '001190012345' });
  visit = finishedVisit(patient.id, doctor, new Date().toISOString().slice(0, 10), {
    reason: 'Đau bụng',
    examination: 'Đau hố chậu phải, phản ứng thành bụng',
    diagnoses: [APPENDICITIS],
    disposition: 'refer',
    followUpDate: '',
  });
  const order = labOrder(visit, doctor, [[GLUCOSE.code, GLUCOSE.name]]);
  const result = labResult(order, by(DEMO_STAFF.labTechnician.id), { ...GLUCOSE, value: 9.1 });
  await pushPatientHistory(server.url, examRoom.token, patient, {
    encounters: [visit],
    orders: [order],
    observations: [result],
  });
}

/**
 * A visit in progress today at the province hospital for the patient it took in from the
 * referral, written by its doctor on another of its PCs (the queue is another test's).
 */
async function visitAtProvince(server: TestServer): Promise<EncounterDocument> {
  let patientThere = '';
  await expect
    .poll(async () => {
      const [row] = await server.database.query<{ id: string }>(
        `SELECT body->>'receiverPatientId' AS id FROM sync_documents WHERE collection = 'referrals'`,
      );
      patientThere = row?.id ?? '';
      return patientThere;
    }, POLL)
    .not.toBe('');
  const doctor = (await listStaff(server.database, DEMO_PROVINCE_HOSPITAL.code)).find(
    (account) => account.username === DEMO_PROVINCE_DOCTOR,
  );
  if (!doctor) throw new Error('no province doctor');
  const otherPc = await server.enroll('bệnh viện tỉnh - phòng khám', DEMO_PROVINCE_ENROLLMENT_CODE);
  const by = { facilityCode: DEMO_PROVINCE_HOSPITAL.code, deviceId: otherPc.deviceId, staffId: doctor.id };
  const visitThere = finishedVisit(patientThere, by, new Date().toISOString().slice(0, 10), {
    status: 'in-progress',
    diagnoses: [],
    disposition: '',
    followUpDate: '',
    advice: '',
    finishedAt: '',
  });
  const signer = await storedStaffSigner(server.database, doctor.id, DEMO_PASSWORD);
  const pushed = await syncRequest(server.url, otherPc.token, 'encounters', 'push', {
    body: await signedRows('encounters', [{ ...visitThere }], signer),
  });
  expect(pushed).toEqual({ status: 200, body: [] });
  return visitThere;
}

/**
 * The loop across two facilities of one province server: the district doctor refers from the
 * visit with its glucose result and signs the referral, the province hospital's PC accepts (the
 * patient registered there from the referral, nothing retyped), its doctor is warned before
 * repeating the glucose, the outcome goes back, and the district sees each step.
 */
describe('a referral from the district to the province hospital and back', () => {
  const facility = facilityInBrowsers({ prepare, deviceName: 'bát xát' });
  let provinceClient: FastifyInstance | undefined;

  afterEach(async () => {
    await provinceClient?.close();
    provinceClient = undefined;
  });

  it('is sent from the visit with its result and signed, accepted with the patient registered there, warns before the same test, and its outcome reaches the district', async () => {
    const district = await facility.openPc('bacsi');
    await district.goto(`${facility.clientUrl()}#/visits/${visit.id}`);
    const section = district.getByTestId('referrals-section');
    await section.getByTestId('new-referral').click();
    const form = district.getByTestId('referral-form');
    // Prefilled from the visit: its diagnosis, what was found; the visit's lab result ticked to go with it.
    await expect.poll(() => form.getByTestId('referral-diagnoses').textContent(), POLL).toContain('K35.8');
    await expect.poll(() => form.locator('#referral-findings').inputValue()).toContain('phản ứng thành bụng');
    const carryGlucose = form.getByTestId(`carry-${GLUCOSE.code}`);
    await expect.poll(() => carryGlucose.isChecked()).toBe(true);
    await expect.poll(() => form.getByTestId('referral-results-picker').textContent()).toContain('9.1 mmol/L');
    await expect.poll(() => form.locator('#referral-testsDone').inputValue()).toBe('');
    await form.locator('#referral-testsDone').fill('Siêu âm ổ bụng: ruột thừa 9 mm');
    // Nothing is written without a facility and a reason.
    await form.getByTestId('send-referral').click();
    await expect.poll(() => form.getByTestId('referral-problems').textContent()).toContain('Chưa nhập');
    await expect.poll(() => form.locator('#referral-to option[value="10001"]').count(), POLL).toBe(1);
    await form.locator('#referral-to').selectOption('10001');
    await form.locator('#referral-reason').fill('Nghi viêm ruột thừa, cần phẫu thuật');
    await form.locator('#referral-transport').fill('Xe cứu thương');
    await form.locator('#referral-transport').press('Enter');
    await section.getByTestId('referral-sent').waitFor(POLL);
    const sentCard = section.getByTestId('referral');
    await expect.poll(() => sentCard.getAttribute('data-step')).toBe('pending');
    await expect.poll(() => sentCard.getByTestId('referral-results').textContent()).toContain('Glucose máu');

    // The referring doctor signs it with their password.
    await sentCard.getByTestId('sign-referral').click();
    await district.locator('#sign-password').fill(DEMO_PASSWORD);
    await district.locator('#sign-password').press('Enter');
    await expect.poll(() => sentCard.getByTestId('signature-check').textContent(), POLL).toBe('Chữ ký hợp lệ');

    // The paper prints from it: the carried result with its day, the typed text, the signature.
    await section.getByTestId('referral-sent').getByRole('button').click();
    const sheet = district.getByTestId('print-sheet');
    await expect.poll(() => sheet.textContent()).toContain('GIẤY CHUYỂN TUYẾN');
    await expect.poll(() => sheet.textContent()).toContain('Bệnh viện Đa khoa tỉnh');
    await expect.poll(() => sheet.textContent()).toContain('Glucose máu: 9.1 mmol/L (cao; tham chiếu 3.9–6.4)');
    await expect.poll(() => sheet.textContent()).toContain('Siêu âm ổ bụng: ruột thừa 9 mm');
    await expect.poll(() => sheet.getByTestId('paper-signature').textContent()).toContain('Ký số bởi');
    await district.getByTestId('print-close').click();

    provinceClient = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: {
        serverUrl: facility.server().url,
        enrollmentCode: DEMO_PROVINCE_ENROLLMENT_CODE,
        deviceName: 'bệnh viện tỉnh - tiếp đón',
      },
    });
    const province = await facility.openPcAt(listeningUrl(provinceClient), DEMO_PROVINCE_DOCTOR);
    await province.locator('nav a[href="#/referrals"]').click();
    const incoming = province.getByTestId('incoming-referrals').getByTestId('referral');
    await expect.poll(() => incoming.count(), POLL).toBe(1);
    await expect.poll(() => incoming.textContent()).toContain('Nguyễn Thị Đào');
    await expect.poll(() => incoming.textContent()).toContain('Trung tâm Y tế khu vực Bát Xát');
    await expect.poll(() => incoming.getByTestId('referral-results').textContent()).toContain('9.1 mmol/L');
    await expect.poll(() => incoming.getByTestId('signature-line').count()).toBe(1);
    await expect.poll(() => incoming.getByTestId('sign-referral').count()).toBe(0);
    await incoming.getByTestId('accept-referral').click();
    await expect.poll(() => incoming.getByTestId('referral-accepted').textContent(), POLL).toContain('Nguyễn Thị Đào');
    await expect.poll(() => incoming.getAttribute('data-step')).toBe('accepted');

    // Registered at the province from the referral: the record has the district's details.
    await incoming.getByTestId('open-referred-patient').click();
    await expect.poll(() => province.getByTestId('patient-name').textContent(), POLL).toBe('Nguyễn Thị Đào');
    await province.goBack();

    // A province doctor ordering the glucose again for that patient is shown the district's
    // result first, as for a result fetched from the province, and asked why.
    const visitThere = await visitAtProvince(facility.server());
    await province.goto(`${listeningUrl(provinceClient)}#/visits/${visitThere.id}`);
    await province.locator('#orders-test-search').fill(GLUCOSE.code);
    await expect.poll(() => province.locator('#orders-test-results').textContent(), POLL).toContain(GLUCOSE.name);
    await province.locator('#orders-test-search').press('Enter');
    const warning = province.getByTestId(`repeat-${GLUCOSE.code}`);
    await expect
      .poll(() => warning.textContent(), POLL)
      .toContain(`Đã làm tại Trung tâm Y tế khu vực Bát Xát (demo) (${DEMO_FACILITY_CODE})`);
    await expect.poll(() => warning.textContent()).toContain('9.1 mmol/L');
    await province.goto(`${listeningUrl(provinceClient)}#/referrals`);

    await incoming.getByTestId('report-outcome').click();
    await province.getByLabel('Kết quả', { exact: true }).selectOption('admitted');
    await province.getByLabel('Tóm tắt').fill('Mổ cắt ruột thừa nội soi, ổn định');
    await incoming.getByTestId('send-outcome').click();
    await expect.poll(() => incoming.getAttribute('data-step')).toBe('completed');

    // The district sees the outcome on the visit, and on the patient's chart.
    await expect.poll(() => sentCard.getAttribute('data-step'), POLL).toBe('completed');
    await expect
      .poll(() => sentCard.getByTestId('referral-outcome').textContent())
      .toContain('Mổ cắt ruột thừa nội soi, ổn định');
    await district.goto(`${facility.clientUrl()}#/patients/${patient.id}/chart`);
    await expect
      .poll(() => district.getByTestId('referrals-section').getByTestId('referral-step').textContent(), POLL)
      .toBe('Đã có kết quả điều trị');

    // Reception sees the referral and its step, not its reason, diagnoses or outcome summary.
    const reception = await facility.openPc('tiepdon');
    await reception.locator('nav a[href="#/referrals"]').click();
    const seenAtReception = reception.getByTestId('outgoing-referrals').getByTestId('referral');
    await expect.poll(() => seenAtReception.getAttribute('data-step'), POLL).toBe('completed');
    await expect.poll(() => seenAtReception.getByTestId('referral-clinical-hidden').count()).toBe(1);
    const receptionText = (await seenAtReception.textContent()) ?? '';
    expect(receptionText).toContain('Nguyễn Thị Đào');
    expect(receptionText).not.toContain('K35.8');
    expect(receptionText).not.toContain('Mổ cắt ruột thừa nội soi');
  });
});
