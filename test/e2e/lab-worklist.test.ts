import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoCatalogs } from '../../server/demo/demo-catalogs';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import { expectText, expectTextContaining, launchChromium, loginAs, screenshotOnFailure } from '../helpers/browser';
import { OrdersDriver } from '../helpers/orders-driver';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestClient } from '../helpers/test-client';
import { TestServer } from '../helpers/test-server';

const GLUCOSE = 'SEN-XN-024';
const URINE_GLUCOSE = 'SEN-XN-053';

describe('the lab worklist', () => {
  let browser: Browser;
  let server: TestServer;
  let clientHost: FastifyInstance;
  let doctorPc: TestClient;
  let doctorOrders: OrdersDriver;
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
    clientHost = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: { serverUrl: server.url, enrollmentCode: DEMO_ENROLLMENT_CODE, deviceName: 'e2e-lab' },
    });
    // The exam room's PC, driven through the product's repositories (the visit page is another feature's).
    doctorPc = await TestClient.open(server.url, await server.enroll('phòng khám nội'), {
      userId: DEMO_STAFF.doctor.id,
    });
    doctorOrders = new OrdersDriver(doctorPc);
    screenshotOnFailure(() => pages, task.name);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    doctorOrders.close();
    await doctorPc.close();
    await clientHost.close();
    await server.close();
  });

  async function openLabPc(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(listeningUrl(clientHost));
    await expect
      .poll(() => page.getByTestId('sync-connection').textContent(), { timeout: 15_000 })
      .toContain('Trực tuyến');
    await loginAs(page, 'xetnghiem');
    return page;
  }

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
