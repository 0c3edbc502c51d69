import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import { DEMO_FACILITY } from '../../server/demo/demo-facility';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { expectText, expectTextContaining, launchChromium, loginAs, screenshotOnFailure } from '../helpers/browser';
import { CREATININE, finishedVisit, labOrder, labResult, type Authorship } from '../helpers/clinical-history';
import { patientDocument } from '../helpers/patient-documents';
import { pushPatientHistory } from '../helpers/push-clinical-history';
import { addFacility, DOCTOR_PASSWORD, type OtherFacility } from '../helpers/second-facility';
import { adminRequest } from '../helpers/admin-requests';
import { signedRows } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { TestServer } from '../helpers/test-server';

const PROVINCE_CODE = '15001';
const DISTRICT = `${DEMO_FACILITY.name} (${DEMO_FACILITY.code})`;
const POLL = { timeout: 30_000 };

/** yyyy-MM-dd `days` before today (UTC). */
const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

describe("a patient's history from another facility, and no repeated test", () => {
  let browser: Browser;
  let server: TestServer;
  let clientHost: FastifyInstance;
  let province: OtherFacility;
  let patientHere: PatientDocument;
  let visitHere: EncounterDocument;
  let districtVisit: EncounterDocument;
  let districtResult: ObservationDocument;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  beforeEach(async ({ task }) => {
    server = await TestServer.start();
    await seedDemoCatalogs(server.database);
    province = await addFacility(server, PROVINCE_CODE, 'Bệnh viện Đa khoa tỉnh (demo)');

    // Two days ago the district centre saw the patient and measured their creatinine (valid 7 days).
    const district = await server.enroll('phòng khám huyện');
    const districtDoctor: Authorship = {
      facilityCode: DEMO_FACILITY.code,
      deviceId: district.deviceId,
      staffId: DEMO_STAFF.doctor.id,
    };
    const districtPatient = patientDocument(DEMO_FACILITY.code, { cccd: '001190012345' });
    districtVisit = finishedVisit(districtPatient.id, districtDoctor, daysAgo(2), {
      diagnoses: [{ code: 'N18', name: 'Bệnh thận mạn', primary: true }],
    });
    const order = labOrder(districtVisit, districtDoctor, [[CREATININE.code, CREATININE.name]]);
    districtResult = labResult(
      order,
      { ...districtDoctor, staffId: DEMO_STAFF.labTechnician.id },
      {
        ...CREATININE,
        value: 168,
      },
    );
    await pushPatientHistory(server.url, district.token, districtPatient, {
      encounters: [districtVisit],
      orders: [order],
      observations: [districtResult],
    });

    // Today the same person is at the provincial hospital, registered there and being examined.
    const provinceDoctor: Authorship = { facilityCode: PROVINCE_CODE, deviceId: 'pc-tinh', staffId: province.doctorId };
    patientHere = patientDocument(PROVINCE_CODE, {
      cccd: districtPatient.cccd,
      createdBy: province.doctorId,
      updatedBy: province.doctorId,
    });
    visitHere = finishedVisit(patientHere.id, provinceDoctor, daysAgo(0), {
      status: 'in-progress',
      diagnoses: [],
      disposition: '',
      followUpDate: '',
      advice: '',
      finishedAt: '',
    });
    for (const [collection, document] of [
      ['patients', patientHere],
      ['encounters', visitHere],
    ] as const) {
      const pushed = await syncRequest(server.url, province.token, collection, 'push', {
        body: await signedRows(collection, [{ ...document }], province.doctor),
      });
      expect(pushed).toEqual({ status: 200, body: [] });
    }

    clientHost = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: { serverUrl: server.url, enrollmentCode: `TEST-${PROVINCE_CODE}`, deviceName: 'e2e-tinh' },
    });
    screenshotOnFailure(() => pages, task.name);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    await clientHost.close();
    await server.close();
  });

  it('a province doctor fetches the district history, sees it on the chart (offline too), and is warned before repeating the test', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    pages.push(page);
    const clientUrl = listeningUrl(clientHost);
    await page.goto(clientUrl);
    await expect.poll(() => page.getByTestId('sync-connection').textContent(), POLL).toContain('Trực tuyến');
    await loginAs(page, `bacsi${PROVINCE_CODE}`, DOCTOR_PASSWORD);

    // The chart holds only this hospital's records until the doctor asks the province.
    await page.goto(`${clientUrl}#/patients/${patientHere.id}/chart`);
    await page.getByTestId('chart-view').waitFor(POLL);
    await expect.poll(() => page.getByTestId('timeline-facility').count()).toBe(0);
    await page.getByTestId('foreign-history-open').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('foreign-history-purpose');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('foreign-history-message'), 'Vui lòng nhập mục đích tra cứu.');
    await page.keyboard.type('Khám thận, cần kết quả xét nghiệm trước đây');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('foreign-history-message'), 'Đã tải 4 hồ sơ từ cơ sở khác.');

    // The district visit is on the timeline, marked with where it was made, with its result.
    const entry = page.locator(`[data-visit="${districtVisit.id}"]`);
    await expectText(entry.getByTestId('timeline-facility'), `Tại ${DISTRICT}`);
    await expectTextContaining(entry, 'N18 Bệnh thận mạn');
    await expectTextContaining(page.getByTestId('foreign-history-kept'), DISTRICT);

    // The province recorded who asked, why and what was returned.
    const { lookups } = (await adminRequest(server.url, 'GET', '/history-lookups')).body as {
      lookups: { staffId: string; purpose: string; outcome: string; returned: Record<string, string[]> }[];
    };
    expect(lookups).toHaveLength(1);
    expect(lookups[0]).toMatchObject({
      staffId: province.doctorId,
      purpose: 'Khám thận, cần kết quả xét nghiệm trước đây',
      outcome: 'shown',
    });
    expect(lookups[0]?.returned.observations).toEqual([districtResult.id]);

    // Ordering creatinine again shows the district's result first, and asks why.
    await page.goto(`${clientUrl}#/visits/${visitHere.id}`);
    await page.locator('#orders-test-search').fill(CREATININE.code);
    await expectTextContaining(page.locator('#orders-test-results'), CREATININE.name);
    await page.locator('#orders-test-search').press('Enter');
    const warning = page.getByTestId(`repeat-${CREATININE.code}`);
    await expectTextContaining(warning, `Đã làm tại ${DISTRICT}`);
    await expectTextContaining(warning, '168 µmol/L');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`repeat-reason-${CREATININE.code}`);
    await page.keyboard.type('Theo dõi suy thận cấp, cần kết quả hôm nay');
    await page.keyboard.press('Control+Enter');
    await expectText(page.locator('.order-tests [role="status"]'), 'Đã chỉ định.');

    // The order keeps the district result and the reason; the province counts the warning.
    await expect
      .poll(async () => {
        const rows = await server.database.query<{ body: OrderDocument }>(
          `SELECT body FROM sync_documents WHERE collection = 'orders' AND body->>'encounterId' = $1`,
          [visitHere.id],
        );
        return rows.map((row) => row.body.tests.map((test) => [test.code, test.earlierResultId, test.repeatReason]));
      }, POLL)
      .toEqual([[[CREATININE.code, districtResult.id, 'Theo dõi suy thận cấp, cần kết quả hôm nay']]]);
    await expect
      .poll(async () => (await adminRequest(server.url, 'GET', `/repeat-tests?facility=${PROVINCE_CODE}`)).body, POLL)
      .toEqual({
        counts: [
          { facilityCode: PROVINCE_CODE, warningsShown: 1, testsAvoided: 0, orderedAnyway: 1, fromOtherFacilities: 1 },
        ],
      });

    // The link to the province goes down: what was fetched stays on the chart, a new lookup
    // says it needs the network.
    await server.stop();
    await expect.poll(() => page.getByTestId('sync-connection').textContent(), POLL).not.toContain('Trực tuyến');
    await page.goto(`${clientUrl}#/patients/${patientHere.id}/chart`);
    await expectText(
      page.locator(`[data-visit="${districtVisit.id}"]`).getByTestId('timeline-facility'),
      `Tại ${DISTRICT}`,
    );
    await page.getByTestId('foreign-history-open').click();
    await expectTextContaining(page.getByTestId('foreign-history-offline'), 'chỉ tra cứu được khi có mạng');
  });
});
