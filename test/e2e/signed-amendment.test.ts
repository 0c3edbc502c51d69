import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { expectText, expectTextContaining } from '../helpers/browser';
import { finishedVisit } from '../helpers/clinical-history';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { patientDocument } from '../helpers/patient-documents';
import { pushPatientHistory } from '../helpers/push-clinical-history';
import type { TestServer } from '../helpers/test-server';

const POLL = { timeout: 20_000 };
const ADVICE = 'Ăn nhạt, tái khám sau 1 tháng';
const AMENDED_ADVICE = 'Ăn nhạt, tái khám sau 2 tuần';

describe('a signed visit: immutable, amended by a new version', () => {
  let patient: PatientDocument;
  let visit: EncounterDocument;
  // Another PC of the facility examined the patient and finished the visit, unsigned.
  const facility = facilityInBrowsers({
    prepare: async (server: TestServer) => {
      const otherPc = await server.enroll('phòng khám 2');
      const by = { facilityCode: DEMO_FACILITY_CODE, deviceId: otherPc.deviceId, staffId: DEMO_STAFF.doctor.id };
      patient = patientDocument(DEMO_FACILITY_CODE);
      visit = finishedVisit(patient.id, by, '2026-11-20', { advice: ADVICE });
      await pushPatientHistory(server.url, otherPc.token, patient, {
        encounters: [visit],
        orders: [],
        observations: [],
      });
    },
  });

  const storedVisit = async (id: string): Promise<Record<string, unknown> | undefined> =>
    (
      await facility
        .server()
        .database.query<{ body: Record<string, unknown> }>(
          `SELECT body FROM sync_documents WHERE collection = 'encounters' AND id = $1`,
          [id],
        )
    )[0]?.body;

  /** Opens the visit and signs it from the keyboard: the button, the password, Enter. */
  async function signVisit(doctor: Page): Promise<void> {
    await doctor.goto(`${facility.clientUrl()}/#/visits/${visit.id}`);
    await doctor.getByTestId('sign-visit').waitFor(POLL);
    await doctor.getByTestId('sign-visit').focus();
    await doctor.keyboard.press('Enter');
    await expect.poll(() => doctor.evaluate(() => document.activeElement?.id), POLL).toBe('sign-password');
    await doctor.keyboard.type(DEMO_PASSWORD);
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('signature-line'), 'Đã ký: BS. Giàng A Chứ');
  }

  it('is signed, amended with a reason, and both versions read on the chart, the old one superseded', async () => {
    const doctor = await facility.openPc('bacsi');
    await doctor.goto(`${facility.clientUrl()}/#/visits/${visit.id}`);
    await doctor.getByTestId('sign-visit').waitFor(POLL);
    // A wrong password signs nothing.
    await doctor.getByTestId('sign-visit').focus();
    await doctor.keyboard.press('Enter');
    await doctor.keyboard.type('sai mật khẩu');
    await doctor.keyboard.press('Enter');
    await expectText(doctor.getByTestId('sign-problems'), 'Sai mật khẩu. Hồ sơ chưa được ký.');
    await doctor.keyboard.press('Escape');
    await doctor.getByTestId('sign-dialog').waitFor({ state: 'detached' });

    await signVisit(doctor);
    await expectText(doctor.getByTestId('signature-check'), 'Chữ ký hợp lệ');
    await expect.poll(async () => (await storedVisit(visit.id))?.signedBy, POLL).toBe(DEMO_STAFF.doctor.id);
    // Signed: no signing again, only an amendment.
    expect(await doctor.getByTestId('sign-visit').count()).toBe(0);

    await doctor.getByTestId('amend-visit').focus();
    await doctor.keyboard.press('Enter');
    await expect.poll(() => doctor.evaluate(() => document.activeElement?.id), POLL).toBe('amend-reason');
    await doctor.keyboard.type('Ghi nhầm hẹn tái khám');
    await doctor.locator('#amend-advice').fill(AMENDED_ADVICE);
    await doctor.locator('#sign-password').fill(DEMO_PASSWORD);
    await doctor.locator('#sign-password').press('Enter');

    // The page moves to the new version, signed, with its reason and both versions listed.
    await expect.poll(() => doctor.url(), POLL).not.toContain(visit.id);
    const amendmentId = doctor.url().split('/').at(-1) ?? '';
    await expectText(doctor.getByTestId('amendment-reason'), 'Bản điều chỉnh · lý do: Ghi nhầm hẹn tái khám');
    await expectTextContaining(doctor.getByTestId('signature-line'), 'Chữ ký hợp lệ');
    const versions = doctor.getByTestId('visit-version');
    await expect.poll(() => versions.count(), POLL).toBe(2);
    expect(await versions.nth(0).getAttribute('data-superseded')).toBe('true');
    await expectTextContaining(versions.nth(0), 'Đã được thay thế');
    await expectTextContaining(versions.nth(1), 'Hiện hành');
    await expect.poll(async () => (await storedVisit(amendmentId))?.supersedes, POLL).toBe(visit.id);
    expect((await storedVisit(visit.id))?.advice).toBe(ADVICE);

    // The old version opens, read only, marked superseded, with the way to the current one.
    await versions.nth(0).locator('button').click();
    await expectText(doctor.getByTestId('superseded-notice'), 'Phiên bản này đã được thay thế. Mở phiên bản hiện hành');
    expect(await doctor.getByTestId('amend-visit').count()).toBe(0);

    // The chart: one visit (the version in force), the old version readable inside it.
    await doctor.goto(`${facility.clientUrl()}/#/patients/${patient.id}/chart`);
    const entries = doctor.locator('[data-testid="chart-timeline"] > li');
    await expect.poll(() => entries.count(), POLL).toBe(1);
    await expectTextContaining(entries.first().getByTestId('timeline-signature'), 'Đã ký · Đã điều chỉnh');
    await entries.first().locator('button.timeline-toggle').focus();
    await doctor.keyboard.press('Enter');
    const details = doctor.getByTestId('visit-details');
    await expectTextContaining(details, AMENDED_ADVICE);
    await expectTextContaining(details.getByTestId('visit-signature'), 'Chữ ký hợp lệ');
    const old = details.getByTestId('superseded-version');
    await expectTextContaining(old, 'Phiên bản 1 · đã được thay thế');
    await expectTextContaining(old, ADVICE);
  });

  it('refuses a signed visit tampered with on its way to the server, and the sync panel says why', async () => {
    const doctor = await facility.openPc('bacsi');
    // The tampering: the signing write's content changed after signing, both signatures kept.
    await doctor.route('**/encounters/push', (route) => tamperWith(route, visit.id));
    await signVisit(doctor);

    await doctor.goto(`${facility.clientUrl()}/#/sync`);
    const held = doctor.getByTestId('quarantine');
    await expectTextContaining(held, visit.id);
    await expectTextContaining(held, 'nội dung đã bị thay đổi sau khi ký');
    const stored = await storedVisit(visit.id);
    expect(stored?.signedBy).toBeUndefined();
    expect(stored?.advice).toBe(ADVICE);
  });
});

/** Changes the advice of the signed visit in a push, keeping everything else as sent. */
async function tamperWith(route: Route, visitId: string): Promise<void> {
  const request = route.request();
  const raw = request.postDataBuffer();
  if (!raw) return route.continue();
  const gzipped = request.headers()['content-encoding'] === 'gzip';
  const rows = JSON.parse((gzipped ? gunzipSync(raw) : raw).toString('utf8')) as {
    newDocumentState: Record<string, unknown>;
  }[];
  for (const row of rows) {
    if (row.newDocumentState.id === visitId && row.newDocumentState.signedBy)
      row.newDocumentState.advice = 'Không cần tái khám';
  }
  const body = JSON.stringify(rows);
  return route.continue({ postData: gzipped ? gzipSync(body) : body });
}
