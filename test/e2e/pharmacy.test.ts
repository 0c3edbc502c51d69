import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { expectText, expectTextContaining } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { validRegistrationForm } from '../helpers/patient-forms';
import { PrescriptionDriver } from '../helpers/prescription-driver';
import { TestClient } from '../helpers/test-client';
import { waitFor } from '../helpers/wait-for';

describe('the pharmacy', () => {
  const facility = facilityInBrowsers({ deviceName: 'nhà thuốc' });
  let examRoom: TestClient;
  let prescribing: PrescriptionDriver;

  beforeEach(async () => {
    // The exam room's PC, where the doctor prescribes: a client of its own beside the browser.
    const server = facility.server();
    examRoom = await TestClient.open(server.url, await server.enroll('phòng khám'));
    prescribing = new PrescriptionDriver(examRoom);
  });
  afterEach(async () => {
    prescribing.close();
    await examRoom.close();
  });

  /** A patient examined in the exam room, with two prescriptions sent to the province. */
  async function twoPrescriptions(): Promise<OrderDocument[]> {
    const registered = await examRoom.patients.register(
      validRegistrationForm({ familyName: 'Lò', middleName: 'Thị', givenName: 'Mai', cccd: '001190054321' }),
    );
    if (!registered.ok) throw new Error('not registered');
    await examRoom.goOnline();
    await waitFor(async () => (await prescribing.catalogSize()) > 0, 'the catalog on the exam room PC');
    await examRoom.actAs(DEMO_STAFF.doctor.id);
    const visit = await prescribing.startVisit(registered.patient.id);
    const orders: OrderDocument[] = [];
    for (const lines of [
      [{ code: 'SEN-T-0010', dosePerTime: 1, timesPerDay: 2, days: 3 }],
      [
        { code: 'SEN-T-0001', dosePerTime: 1, timesPerDay: 3, days: 5 },
        { code: 'SEN-T-0009', dosePerTime: 5, timesPerDay: 3, days: 5 },
      ],
    ]) {
      const result = await prescribing.prescribe(visit, lines);
      if (!result.ok) throw new Error(`not prescribed: ${JSON.stringify(result)}`);
      orders.push(result.order);
    }
    await waitFor(async () => (await examRoom.outbox.count()) === 0, 'the prescriptions sent');
    return orders;
  }

  it('finds a prescription by its code and dispenses it by keyboard; the doctor’s PC learns it', async () => {
    const [older, newer] = (await twoPrescriptions()) as [OrderDocument, OrderDocument];

    const page = await facility.openPc('duocsi', { width: 1366, height: 768 });
    await page.goto(`${facility.clientUrl()}/#/pharmacy`);

    // Both waiting, the older first, as sync brought them.
    await expectTextContaining(page.getByTestId('to-dispense'), newer.prescriptionCode);
    await expectText(page.locator('[data-testid="to-dispense"] tbody tr td strong').first(), older.prescriptionCode);

    // The code read off the paper, in lower case with a space; Enter opens it, Enter dispenses.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('prescription-code');
    await page.keyboard.type(`${newer.prescriptionCode.slice(0, 5)} ${newer.prescriptionCode.slice(5).toLowerCase()}`);
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('dispense-code'), newer.prescriptionCode);
    await expectTextContaining(page.getByTestId('dispense-patient'), 'Lò Thị Mai');
    await expectText(page.getByTestId('dispense-quantity').nth(0), '15 Viên');
    await expectText(page.getByTestId('dispense-quantity').nth(1), '2 Chai');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('dispense');
    await page.keyboard.press('Enter');

    await expectText(page.getByTestId('pharmacy-notice'), `Đã phát thuốc theo đơn ${newer.prescriptionCode}.`);
    await expect.poll(() => page.getByTestId('to-dispense').textContent()).not.toContain(newer.prescriptionCode);
    await expectTextContaining(page.getByTestId('to-dispense'), older.prescriptionCode);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('prescription-code');

    await waitFor(
      async () => (await prescribing.get(newer.id))?.status === 'completed',
      'the exam room PC sees it dispensed',
    );
    expect((await prescribing.get(newer.id))?.handledBy).toBe(DEMO_STAFF.pharmacist.id);
    expect((await prescribing.get(older.id))?.status).toBe('ordered');
  });
});
