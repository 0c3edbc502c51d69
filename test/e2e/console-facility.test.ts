import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import type { FacilityRecord } from '../../shared/admin/admin-api';
import { adminSession } from '../helpers/admin-accounts';
import { adminRequest } from '../helpers/admin-requests';
import { expectText, expectTextContaining, launchChromium, loginAs, screenshotOnFailure } from '../helpers/browser';
import { TestServer } from '../helpers/test-server';

const ADMIN_PASSWORD = 'quan-tri-tinh-2026';
const CLERK_PASSWORD = 'ban-xeo-2026';

describe('the sync admin console', () => {
  let browser: Browser;
  let server: TestServer;
  let clientHost: FastifyInstance;
  let adminToken: string;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async ({ task }) => {
    server = await TestServer.start();
    // The first account, made with the bootstrap token as the README says.
    adminToken = (await adminSession(server.url, 'quantri', 'province-admin', ADMIN_PASSWORD)).token;
    // No enrollment code in the config: the PC asks for one, as a real installation does.
    clientHost = await serveClient({ distDir: RENDERER_DIST, port: 0, config: { serverUrl: server.url } });
    screenshotOnFailure(() => pages, task.name);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    await clientHost.close();
    await server.close();
  });

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    pages.push(page);
    return page;
  };

  it('signs an admin in, creates a facility and issues a code; a new PC enrolls with it and registers a patient', async () => {
    const admin = await newPage();
    await admin.goto(`${server.url}/console/`);
    await admin.locator('#sign-in-username').fill('quantri');
    await admin.locator('#sign-in-password').fill(ADMIN_PASSWORD);
    await admin.locator('#sign-in-password').press('Enter');
    await expectTextContaining(admin.getByTestId('current-admin'), 'Quản trị quantri · Quản trị tỉnh');
    await admin.getByTestId('facility-10010').waitFor();

    await admin.getByTestId('add-facility').click();
    // Sent empty: every field says what it needs, and nothing is created.
    await admin.locator('#facility-name').press('Enter');
    await expectText(admin.getByTestId('error-code'), 'Mã cơ sở gồm đúng 5 chữ số, 3 số cuối khác 000.');
    await admin.locator('#facility-code').fill('10015');
    await admin.locator('#facility-name').fill('Trạm Y tế xã Bản Xèo');
    await admin.locator('#facility-level').selectOption('ban-dau');
    await admin.locator('#facility-province').selectOption('15');
    await admin.locator('#facility-ward').selectOption('02647');
    await admin.locator('#facility-name').press('Enter');
    await expectText(admin.getByTestId('facility-notice'), 'Đã thêm cơ sở 10015.');

    await admin.getByTestId('facility-10015').getByTestId('issue-code').click();
    await admin.getByTestId('enrollment-code').waitFor();
    const code = ((await admin.getByTestId('enrollment-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    // Large enough to read over the phone.
    const fontSize = await admin
      .getByTestId('enrollment-code')
      .evaluate((element) => getComputedStyle(element).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(40);

    // The facility's first clerk (the console's staff page comes with a later part of issue 13).
    const clerk = await adminRequest(
      server.url,
      'POST',
      '/facilities/10015/staff',
      { username: 'letan', displayName: 'Lò Thị Lễ', roles: ['registrar'], password: CLERK_PASSWORD },
      adminToken,
    );
    expect(clerk.status).toBe(201);

    const pc = await newPage();
    await pc.goto(listeningUrl(clientHost));
    await pc.getByLabel('Mã đăng ký máy').fill(code);
    await pc.locator('#enroll-device-name').fill('Tiếp đón 1');
    await pc.locator('#enroll-device-name').press('Enter');
    await expect
      .poll(() => pc.getByTestId('sync-connection').textContent(), { timeout: 20_000 })
      .toContain('Trực tuyến');
    await loginAs(pc, 'letan', CLERK_PASSWORD);

    await pc.keyboard.press('F2');
    await pc.locator('#field-familyName').fill('Giàng');
    await pc.locator('#field-middleName').fill('Thị');
    await pc.locator('#field-givenName').fill('Mai');
    await pc.locator('#field-dateOfBirth').fill('05062001');
    await pc.locator('#field-sex').selectOption('female');
    await pc.locator('#field-provinceCode').selectOption('15');
    await pc.locator('#field-wardCode').selectOption('02647');
    await pc.locator('#field-street').fill('Thôn Bản Xèo');
    await pc.locator('#field-street').press('Enter');
    await expectText(pc.getByTestId('patient-name'), 'Giàng Thị Mai');
    await expect.poll(() => pc.getByTestId('sync-unsent').getAttribute('data-count'), { timeout: 20_000 }).toBe('0');

    const [stored] = await server.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM sync_documents WHERE collection = 'patients' AND body->>'facilityCode' = '10015'`,
    );
    expect(stored?.count).toBe(1);
    const facilities = await adminRequest(server.url, 'GET', '/facilities', undefined, adminToken);
    const facility = (facilities.body as { facilities: FacilityRecord[] }).facilities.find(
      (each) => each.code === '10015',
    );
    expect(facility?.deviceCount).toBe(1);

    // Signing out ends the session on the server too.
    await admin.getByTestId('sign-out').click();
    await admin.locator('#sign-in-username').waitFor();
  });
  it('tells a PC enrolling with a code of a facility deactivated since, in Vietnamese, and enrolls nothing', async () => {
    const created = await adminRequest(
      server.url,
      'POST',
      '/facilities',
      { code: '10016', name: 'Trạm Y tế xã Tả Phời', level: 'ban-dau', provinceCode: '15', wardCode: '02647' },
      adminToken,
    );
    expect(created.status).toBe(201);
    const issued = await adminRequest(server.url, 'POST', '/facilities/10016/enrollment-codes', {}, adminToken);
    const { code } = issued.body as { code: string };
    expect((await adminRequest(server.url, 'POST', '/facilities/10016/deactivate', {}, adminToken)).status).toBe(200);

    const pc = await newPage();
    await pc.goto(listeningUrl(clientHost));
    await pc.getByLabel('Mã đăng ký máy').fill(code);
    await pc.locator('#enroll-device-name').fill('Trạm 1');
    await pc.locator('#enroll-device-name').press('Enter');
    await expectTextContaining(pc.getByRole('alert'), 'Cơ sở của mã này đã ngừng hoạt động');
    const devices = await server.database.query(`SELECT 1 FROM devices WHERE facility_code = '10016'`);
    expect(devices).toHaveLength(0);
  });
});
