import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { expectText, expectTextContaining } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { OrdersDriver } from '../helpers/orders-driver';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestClient } from '../helpers/test-client';

const GLUCOSE = 'SEN-XN-024';
const URINE_GLUCOSE = 'SEN-XN-053';

describe('the lab worklist', () => {
  const facility = facilityInBrowsers({ deviceName: 'e2e-lab' });
  let doctorPc: TestClient;
  let doctorOrders: OrdersDriver;

  beforeEach(async () => {
    // The exam room's PC, driven through the product's repositories (the visit page is another feature's).
    const server = facility.server();
    doctorPc = await TestClient.open(server.url, await server.enroll('phòng khám nội'), {
      userId: DEMO_STAFF.doctor.id,
    });
    doctorOrders = new OrdersDriver(doctorPc);
  });
  afterEach(async () => {
    doctorOrders.close();
    await doctorPc.close();
  });

  const openLabPc = (): Promise<Page> => facility.openPc('xetnghiem', { width: 1366, height: 768 });

  /** The doctor orders blood glucose and urine glucose for Nguyễn Thị Đào (a woman born in 1990). */
  async function orderFromExamRoom(): Promise<OrderDocument> {
    await doctorPc.goOnline();
    await expect.poll(() => doctorOrders.catalogCount(), { timeout: 20_000 }).toBeGreaterThan(0);
    const encounter = await doctorOrders.seedVisit(validRegistrationForm());
    await expect.poll(async () => (await doctorOrders.searchTests('glucose')).length, { timeout: 20_000 }).toBe(2);
    const tests = (await doctorOrders.searchTests('glucose')).filter((test) =>
      [GLUCOSE, URINE_GLUCOSE].includes(test.code),
    );
    const ordered = await doctorOrders.orderTests(encounter, tests);
    if (!ordered.ok) throw new Error(`not ordered: ${ordered.problem}`);
    return ordered.orders[0] as OrderDocument;
  }

  it('takes the results by keyboard with range and flag, refuses a word for a number, and sends them to the doctor', async () => {
    const lab = await openLabPc();
    const order = await orderFromExamRoom();
    await lab.keyboard.press('Escape');
    await lab.locator('a[href="#/lab"]').click();

    // The order arrives by sync; the first entry of the worklist has the focus.
    await expectTextContaining(lab.getByTestId('worklist-order'), 'Nguyễn Thị Đào');
    await expect
      .poll(() => lab.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('worklist-order');
    await lab.keyboard.press('Enter');
    await expectTextContaining(lab.getByTestId('worklist-patient'), 'Nguyễn Thị Đào — Nữ');
    const glucoseRow = lab.locator(`.result-entry tr[data-code="${GLUCOSE}"]`);
    await expectTextContaining(glucoseRow, '3,9 – 6,4');
    await expectTextContaining(glucoseRow, 'mmol/L');
    await expect.poll(() => lab.evaluate(() => document.activeElement?.id)).toBe(`result-${GLUCOSE}`);

    await lab.keyboard.type('cao');
    await lab.keyboard.press('Enter');
    await expectText(lab.getByTestId(`error-${GLUCOSE}`), 'Kết quả phải là một số (VD: 5,6 hoặc 5.6).');
    await expectText(lab.getByTestId('result-message'), 'Có kết quả không hợp lệ, chưa lưu gì.');

    await lab.keyboard.press('Control+A');
    await lab.keyboard.type('7,2');
    await expectText(glucoseRow.getByTestId('flag-preview'), 'Cao');
    await lab.keyboard.press('Tab');
    await lab.keyboard.type('Âm tính');
    await expectText(
      lab.locator(`.result-entry tr[data-code="${URINE_GLUCOSE}"]`).getByTestId('flag-preview'),
      'Bình thường',
    );
    await lab.keyboard.press('Enter');

    await expectText(lab.getByTestId('worklist-notice'), 'Đã lưu đủ kết quả; phiếu đã rời danh sách chờ.');
    await expectText(lab.locator('.lab-worklist .empty').first(), 'Không có chỉ định xét nghiệm nào đang chờ.');

    await expect
      .poll(
        async () => (await doctorOrders.resultsOfOrder(order.id)).map((result) => [result.code, result.lab?.flag]),
        {
          timeout: 20_000,
        },
      )
      .toEqual([
        [GLUCOSE, 'high'],
        [URINE_GLUCOSE, 'normal'],
      ]);
    // The order's completion is a write of its own, after the results: it may sync a moment later.
    await expect.poll(async () => (await doctorOrders.order(order.id))?.status, { timeout: 20_000 }).toBe('completed');
  });
});
