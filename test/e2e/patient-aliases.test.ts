import { describe, expect, it } from 'vitest';
import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { DuplicatePage } from '../../shared/identity/duplicates-api';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { adminSession } from '../helpers/admin-accounts';
import { adminRequest } from '../helpers/admin-requests';
import { expectTextContaining } from '../helpers/browser';
import { finishedVisit } from '../helpers/clinical-history';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { patientDocument } from '../helpers/patient-documents';
import { pushPatientHistory } from '../helpers/push-clinical-history';

const POLL = { timeout: 20_000 };

/**
 * Two records of one woman at the facility (registered twice by another PC, one with a visit),
 * merged by the province admin: the doctor's PC then shows her once and her chart holds both.
 */
describe('a patient merged at the province, on a PC of the facility', () => {
  let primary: PatientDocument;
  let alias: PatientDocument;
  let aliasVisitId: string;
  const facility = facilityInBrowsers({
    catalogs: false,
    prepare: async (server) => {
      const otherPc = await server.enroll('tiếp đón 2');
      const by = { facilityCode: DEMO_FACILITY_CODE, deviceId: otherPc.deviceId, staffId: DEMO_STAFF.doctor.id };
      primary = patientDocument(DEMO_FACILITY_CODE);
      alias = patientDocument(DEMO_FACILITY_CODE);
      const visit = finishedVisit(alias.id, by, '2026-01-04');
      aliasVisitId = visit.id;
      await pushPatientHistory(server.url, otherPc.token, primary, { encounters: [], orders: [], observations: [] });
      await pushPatientHistory(server.url, otherPc.token, alias, { encounters: [visit], orders: [], observations: [] });
    },
  });

  it("search shows one record after the merge, the alias opens the primary, and the chart lists the alias's visit", async () => {
    const page = await facility.openPc('bacsi', { width: 1366, height: 768 });
    const rows = page.getByTestId('patient-row');
    await page.locator('#patient-search').fill('dao');
    await expect.poll(() => rows.count(), POLL).toBe(2);

    const server = facility.server();
    const admin = (await adminSession(server.url, 'tinh', 'province-admin')).token;
    const listed = (await adminRequest(server.url, 'GET', '/duplicates', undefined, admin)).body as DuplicatePage;
    expect(listed.candidates).toHaveLength(1);
    const merged = await adminRequest(
      server.url,
      'POST',
      '/duplicates/merge',
      { firstId: primary.id, secondId: alias.id, primaryId: primary.id, note: 'Đăng ký hai lần' },
      admin,
    );
    expect(merged.status).toBe(200);

    // The list follows sync: one row, the primary's.
    await expect.poll(() => rows.count(), POLL).toBe(1);
    await expectTextContaining(rows.first(), displayPatientCode(primary.patientCode));
    // The alias's own code still finds her, as the primary.
    await page.locator('#patient-search').fill(alias.patientCode);
    await expect.poll(() => rows.count(), POLL).toBe(1);
    await expectTextContaining(rows.first(), displayPatientCode(primary.patientCode));
    await page.locator('#patient-search').press('Enter');
    await expectTextContaining(page.getByTestId('merged-aliases'), displayPatientCode(alias.patientCode));

    // A link to the alias (a queue, an old bookmark) opens the primary with the note.
    await page.evaluate((id) => (window.location.hash = `#/patients/${id}`), alias.id);
    await expectTextContaining(
      page.getByTestId('merged-into-note'),
      `Hồ sơ ${displayPatientCode(alias.patientCode)} đã gộp vào hồ sơ ${displayPatientCode(primary.patientCode)}`,
    );
    await page.getByTestId('open-chart').click();
    await page.getByTestId('chart-view').waitFor();
    expect(page.url()).toContain(`#/patients/${primary.id}/chart`);
    const entries = page.locator('.timeline-entry');
    await expect.poll(() => entries.count(), POLL).toBe(1);
    expect(await entries.first().getAttribute('data-visit')).toBe(aliasVisitId);
    await expectTextContaining(
      entries.first().getByTestId('timeline-merged'),
      `Từ hồ sơ đã gộp ${displayPatientCode(alias.patientCode)}`,
    );
  });
});
