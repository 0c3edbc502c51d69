import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import {
  expectText,
  expectTextContaining,
  expectValue,
  launchChromium,
  loginAs,
  screenshotOnFailure,
} from '../helpers/browser';
import { TestServer } from '../helpers/test-server';

describe('registration desk', () => {
  let browser: Browser;
  let server: TestServer;
  let clientHost: FastifyInstance;
  let clientUrl: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  beforeEach(async ({ task }) => {
    server = await TestServer.start();
    clientHost = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: { serverUrl: server.url, enrollmentCode: DEMO_ENROLLMENT_CODE, deviceName: 'e2e' },
    });
    clientUrl = listeningUrl(clientHost);
    screenshotOnFailure(() => pages, task.name);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    await clientHost.close();
    await server.close();
  });

  /** A new PC: its own browser profile, enrolled on first load. */
  async function openClient(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(clientUrl);
    await expect
      .poll(() => page.getByTestId('sync-connection').textContent(), { timeout: 15_000 })
      .toContain('Trực tuyến');
    await loginAs(page);
    return page;
  }

  const unsent = (page: Page): Promise<string | null> => page.getByTestId('sync-unsent').getAttribute('data-count');

  async function fillRegistration(page: Page, fields: { cccd: string }): Promise<void> {
    await page.keyboard.press('F2');
    await page.locator('#field-familyName').focus();
    // Keyboard only, in tab order, as a clerk types.
    await page.keyboard.type('Nguyễn');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Thị');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Đào');
    await page.keyboard.press('Tab');
    await page.keyboard.type('12031990');
    await page.locator('#field-sex').selectOption('female');
    await page.locator('#field-cccd').fill(fields.cccd);
    await page.locator('#field-bhyt').fill('DN4010123456789');
    await page.locator('#field-phone').fill('0912 345 678');
    await page.locator('#field-provinceCode').selectOption('15');
    await page.locator('#field-wardCode').selectOption('02647');
    await page.locator('#field-street').fill('Thôn Phìn Ngan');
  }

  it('registers a patient while the server is down, sends it when it returns, and a second PC finds it without diacritics', async () => {
    const reception = await openClient();
    await expect.poll(() => unsent(reception)).toBe('0');

    await server.stop();
    await expect
      .poll(() => reception.getByTestId('sync-connection').textContent(), { timeout: 15_000 })
      .toContain('Mất kết nối');
    await fillRegistration(reception, { cccd: '001190012345' });
    await reception.locator('#field-street').press('Enter');
    await expectText(reception.getByTestId('patient-name'), 'Nguyễn Thị Đào');
    await expect.poll(() => unsent(reception)).toBe('1');
    await expectText(reception.getByTestId('sync-unsent'), '1 hồ sơ chưa gửi');

    await server.restart();
    await expect.poll(() => unsent(reception), { timeout: 20_000 }).toBe('0');

    const examRoom = await openClient();
    for (const query of ['nguyen thi dao', 'dao', 'DAO NGUYEN', '001190012345', '0912345678']) {
      await examRoom.locator('#patient-search').fill(query);
      await expectTextContaining(examRoom.getByTestId('patient-results'), 'Nguyễn Thị Đào');
    }
    await examRoom.locator('#patient-search').fill('tran');
    await expectText(examRoom.locator('.empty'), 'Không tìm thấy bệnh nhân nào.');
  });

  it('keeps a half-filled form across a reload and refuses a CCCD already registered, linking to the patient', async () => {
    const reception = await openClient();
    await fillRegistration(reception, { cccd: '001190012345' });
    await reception.locator('#field-street').press('Enter');
    await expectText(reception.getByTestId('patient-name'), 'Nguyễn Thị Đào');

    await fillRegistration(reception, { cccd: '001190012345' });
    await reception.locator('[data-draft="saved"]').waitFor();
    await reception.reload();
    // A reload ends the session; the same user's draft comes back after logging in again.
    await loginAs(reception);
    await reception.keyboard.press('F2');
    await expectText(reception.locator('.notice'), 'Đã khôi phục biểu mẫu đang nhập dở.');
    await expectValue(reception.locator('#field-givenName'), 'Đào');
    await expectValue(reception.locator('#field-wardCode'), '02647');

    await reception.locator('#field-cccd').press('Enter');
    await expectText(reception.getByTestId('error-cccd'), 'Số CCCD này đã được đăng ký tại cơ sở.');
    await reception.getByTestId('existing-patient-link').click();
    await expectText(reception.getByTestId('patient-name'), 'Nguyễn Thị Đào');
  });

  it('edits a registered patient and shows an empty sync panel once everything is sent', async () => {
    const reception = await openClient();
    await fillRegistration(reception, { cccd: '001190012345' });
    await reception.locator('#field-street').press('Enter');
    await expectText(reception.getByTestId('patient-name'), 'Nguyễn Thị Đào');

    await reception.getByTestId('edit-patient').click();
    await expectValue(reception.locator('#field-givenName'), 'Đào');
    await reception.locator('#field-givenName').fill('Đào Hoa');
    await reception.locator('#field-phone').fill('0388777666');
    await reception.locator('#field-phone').press('Enter');
    await expectText(reception.getByTestId('patient-name'), 'Nguyễn Thị Đào Hoa');

    await reception.locator('#patient-search').waitFor({ state: 'detached' });
    await reception.keyboard.press('Escape');
    await reception.locator('#patient-search').fill('dao hoa');
    await expectTextContaining(reception.getByTestId('patient-results'), '0388777666');

    await expect.poll(() => unsent(reception), { timeout: 15_000 }).toBe('0');
    await reception.goto(`${clientUrl}/#/sync`);
    await expectText(reception.getByTestId('panel-unsent'), '0');
    await expectText(reception.locator('.sync-panel .empty'), 'Không có hồ sơ nào bị từ chối.');
  });

  it('explains each invalid field in Vietnamese next to it', async () => {
    const reception = await openClient();
    await fillRegistration(reception, { cccd: '001090012345' });
    await reception.locator('#field-bhyt').fill('DN9010123456789');
    await reception.locator('#field-bhyt').press('Enter');
    await expectText(reception.getByTestId('error-cccd'), 'Số thứ 4 của CCCD không khớp với giới tính đã chọn.');
    await expectText(reception.getByTestId('error-bhyt'), 'Ký tự thứ 3 của thẻ BHYT (mức hưởng) phải từ 1 đến 5.');
  });
});
