import { describe, expect, it } from 'vitest';
import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { expectText, expectTextContaining } from '../helpers/browser';
import { followedPatientHistory } from '../helpers/clinical-history';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { patientDocument } from '../helpers/patient-documents';
import { pushPatientHistory } from '../helpers/push-clinical-history';

const VISITS = 6;
const POLL = { timeout: 20_000 };

describe("the patient's chart", () => {
  let patient: PatientDocument;
  const facility = facilityInBrowsers({
    catalogs: false,
    // Another PC of the facility examined the patient monthly: its writes reach this one by sync.
    prepare: async (server) => {
      const otherPc = await server.enroll('phòng khám 2');
      const by = (staffId: string) => ({ facilityCode: DEMO_FACILITY_CODE, deviceId: otherPc.deviceId, staffId });
      patient = patientDocument(DEMO_FACILITY_CODE);
      const history = followedPatientHistory(
        patient.id,
        by(DEMO_STAFF.doctor.id),
        by(DEMO_STAFF.labTechnician.id),
        VISITS,
        '2026-01-04',
      );
      await pushPatientHistory(server.url, otherPc.token, patient, history);
    },
  });

  const chartOpenings = async (): Promise<{ username: string }[]> =>
    facility
      .server()
      .database.query<{ username: string }>(
        `SELECT username FROM audit_entries WHERE action = 'chart-open' AND patient_id = $1 ORDER BY seq`,
        [patient.id],
      );

  it('opens by keyboard from the patient found, shows the visits and a trend, records an allergy, and audits the opening once', async () => {
    const page = await facility.openPc('bacsi', { width: 1366, height: 768 });

    // The doctor finds the patient by code, opens them (Enter), then their chart (F4).
    await page.locator('#patient-search').fill(patient.patientCode);
    await expectTextContaining(page.getByTestId('patient-results'), displayPatientCode(patient.patientCode));
    await page.locator('#patient-search').press('Enter');
    await page.getByTestId('open-chart').waitFor();
    await expect.poll(async () => (await chartOpenings()).length, POLL).toBe(1);
    await page.keyboard.press('F4');
    await page.getByTestId('chart-view').waitFor();
    expect(page.url()).toContain(`#/patients/${patient.id}/chart`);

    // Newest first, once sync has brought every visit.
    const entries = page.locator('.timeline-toggle');
    await expect.poll(() => entries.count(), POLL).toBe(VISITS);
    await expectTextContaining(entries.first(), '04/06/2026');
    await expectTextContaining(entries.last(), '04/01/2026');

    // Tab reaches the newest visit; arrows move; Enter opens the one chosen.
    await entries.first().focus();
    await page.keyboard.press('ArrowDown');
    expect(await entries.nth(1).evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const details = page.getByTestId('visit-details');
    await expectTextContaining(details, 'Glucose máu');
    await expectTextContaining(details, 'Amlodipin');
    expect(await entries.nth(1).getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('End');
    expect(await entries.last().evaluate((element) => element === document.activeElement)).toBe(true);

    // The trend: blood pressure first (two lines), another measure chosen with the keyboard.
    const chart = page.getByTestId('trend-chart');
    await expect.poll(() => chart.getAttribute('data-series'), POLL).toBe('vital:bloodPressure');
    expect(await chart.locator('polyline').count()).toBe(2);
    expect(await chart.locator('.trend-band').count()).toBe(2);
    await page.locator('#trend-series').focus();
    const options = await page.locator('#trend-series option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Huyết áp', 'Glucose máu', 'Creatinin máu', 'Cân nặng']));
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => chart.getAttribute('data-series')).not.toBe('vital:bloodPressure');
    await page.locator('#trend-series').selectOption({ label: 'Glucose máu' });
    await expect.poll(() => chart.getAttribute('data-series')).toBe('lab:SEN-XN-024');
    expect(await chart.locator('circle').count()).toBe(VISITS);
    expect(await chart.getAttribute('aria-label')).toContain('Glucose máu: 6 lần đo');

    // No allergy yet; an empty allergen is refused in Vietnamese; then one is recorded by keyboard.
    await expectText(page.getByTestId('allergy-alert'), 'Chưa ghi nhận dị ứng');
    await page.locator('#allergy-substance').focus();
    await page.keyboard.press('Enter');
    await expectText(page.locator('.chart-allergy-form .form-error'), 'Cần nhập tác nhân gây dị ứng.');
    await page.keyboard.type('Penicilin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Pênixilin G');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Nổi mề đay');
    await page.locator('#allergy-severity').selectOption('severe');
    await page.locator('#allergy-reaction').press('Enter');
    await expectText(page.getByTestId('allergy-alert'), 'Dị ứng: Penicilin (Nặng)');
    await expectTextContaining(page.getByTestId('active-allergies'), 'Nổi mề đay');
    await expect
      .poll(
        async () =>
          (
            await facility
              .server()
              .database.query<{ body: { allergy: { ingredientKey: string } } }>(
                `SELECT body FROM sync_documents WHERE collection = 'observations' AND body->>'kind' = 'allergy'`,
              )
          ).map((row) => row.body.allergy.ingredientKey),
        POLL,
      )
      .toEqual(['penixilin g']);

    // Opening the details and then the chart is two openings, each recorded once, by the doctor;
    // the chart's re-renders (sync, the new allergy) record nothing more.
    await expect
      .poll(async () => (await chartOpenings()).map((entry) => entry.username), POLL)
      .toEqual(['bacsi', 'bacsi']);
  });
});
