import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { CatalogRepository } from '../../renderer/catalog/catalog-repository';
import { EncountersRepository } from '../../renderer/visits/encounters-repository';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { expectText } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestClient } from '../helpers/test-client';
import { waitFor } from '../helpers/wait-for';

describe('a visit’s value that lost a merge', () => {
  const SCREEN = { width: 1366, height: 768 };
  const facility = facilityInBrowsers();
  let visitId: string;

  const stored = async (id: string): Promise<EncounterDocument | undefined> =>
    (
      await facility
        .server()
        .database.query<{ body: EncounterDocument }>(
          `SELECT body FROM sync_documents WHERE collection = 'encounters' AND id = $1`,
          [id],
        )
    )[0]?.body;

  // Registered, queued and called in by the doctor on a reception PC, which then goes away.
  beforeEach(async () => {
    const server = facility.server();
    const reception = await TestClient.open(server.url, await server.enroll('Tiếp đón 1'));
    const catalog = new CatalogRepository(reception.database);
    try {
      const device = { deviceId: reception.enrollment.deviceId, facilityCode: reception.enrollment.facility.code };
      const visits = new EncountersRepository(reception.database, reception.writer, device, catalog);
      const registered = await reception.patients.register(validRegistrationForm());
      if (!registered.ok) throw new Error('not registered');
      const queued = await visits.queue(registered.patient, 'KKB', 'KKB');
      if (!queued.ok) throw new Error('not queued');
      visitId = queued.encounter.id;
      await reception.goOnline();
      await waitFor(async () => (await stored(visitId)) !== undefined, 'the server has the visit', 60_000);
      await reception.actAs(DEMO_STAFF.doctor.id);
      expect((await visits.call(visitId)).ok).toBe(true);
      await waitFor(async () => (await stored(visitId))?.status === 'in-progress', 'the call is sent', 60_000);
    } finally {
      catalog.close();
      await reception.close();
    }
  });

  const connection = (page: Page) => page.getByTestId('sync-connection').textContent();
  const unsent = (page: Page) => page.getByTestId('sync-unsent').getAttribute('data-count');

  async function openVisit(username: string): Promise<Page> {
    const page = await facility.openPc(username, SCREEN);
    await page.goto(`${facility.clientUrl()}/#/visits/${visitId}`);
    await expect
      .poll(() => page.locator('#notes-examination').getAttribute('readonly'), { timeout: 30_000 })
      .toBeNull();
    return page;
  }

  async function writeExamination(page: Page, text: string): Promise<void> {
    await page.locator('#notes-examination').fill(text);
    await page.locator('#notes-examination').press('Control+s');
    await expect.poll(() => page.getByTestId('notes-state').getAttribute('data-state')).toBe('saved');
  }

  it('is shown on the visit page of the PC whose edit lost, put back by its doctor, and reaches the other PC', async () => {
    const NURSE_TEXT = 'Họng đỏ, amidan sưng';
    const DOCTOR_TEXT = 'Phổi ran ẩm đáy phải';
    const nurse = await openVisit('dieuduong');
    const doctor = await openVisit('bacsi');

    // Both PCs write the examination while the server is down.
    await facility.server().stop();
    for (const page of [nurse, doctor]) {
      await expect.poll(() => connection(page), { timeout: 15_000 }).toContain('Mất kết nối');
    }
    await writeExamination(nurse, NURSE_TEXT);
    await writeExamination(doctor, DOCTOR_TEXT);

    // The nurse's PC reaches the server first; the doctor's edit, arriving second, loses.
    await doctor.context().setOffline(true);
    await facility.server().restart();
    await expect.poll(() => unsent(nurse), { timeout: 30_000 }).toBe('0');
    await doctor.context().setOffline(false);
    await expect.poll(() => unsent(doctor), { timeout: 30_000 }).toBe('0');

    const lost = doctor.getByTestId('lost-values');
    const row = lost.getByTestId('lost-value');
    await expect.poll(() => row.getAttribute('data-field'), { timeout: 30_000 }).toBe('examination');
    await expectText(row.locator('td').first(), 'Khám lâm sàng');
    await expectText(row.getByTestId('lost-value-current'), NURSE_TEXT);
    await expectText(row.getByTestId('lost-value-losing'), DOCTOR_TEXT);
    await expectText(row.getByTestId('lost-value-by'), DEMO_STAFF.doctor.displayName);
    await expect.poll(() => doctor.locator('#notes-examination').inputValue()).toBe(NURSE_TEXT);
    // The nurse's PC is told too.
    await expect.poll(() => nurse.getByTestId('lost-value').count(), { timeout: 30_000 }).toBe(1);

    await row.getByTestId('restore-lost-value').click();
    await expect.poll(() => doctor.locator('#notes-examination').inputValue()).toBe(DOCTOR_TEXT);
    await expect.poll(() => doctor.getByTestId('lost-values').count(), { timeout: 30_000 }).toBe(0);
    await waitFor(async () => (await stored(visitId))?.examination === DOCTOR_TEXT, 'the server has the value back');
    await expect.poll(() => nurse.locator('#notes-examination').inputValue(), { timeout: 30_000 }).toBe(DOCTOR_TEXT);
    await expect.poll(() => nurse.getByTestId('lost-values').count(), { timeout: 30_000 }).toBe(0);
  });
});
