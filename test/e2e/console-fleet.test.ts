import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import { APP_VERSION } from '../../shared/app-version';
import { adminSession } from '../helpers/admin-accounts';
import { expectText, expectTextContaining, launchChromium, loginAs, screenshotOnFailure } from '../helpers/browser';
import { TestServer } from '../helpers/test-server';

const ADMIN_PASSWORD = 'dong-bo-tinh-2026';
const PC_NAME = 'Tiếp đón tầng 1';

describe('the console fleet page', () => {
  let browser: Browser;
  let server: TestServer;
  let clientHost: FastifyInstance;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async ({ task }) => {
    server = await TestServer.start();
    // A sync admin: the role that runs the fleet (and may revoke, as the API allows).
    await adminSession(server.url, 'dongbo', 'sync-admin', ADMIN_PASSWORD);
    clientHost = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: { serverUrl: server.url, enrollmentCode: DEMO_ENROLLMENT_CODE, deviceName: PC_NAME },
    });
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

  it('shows an enrolled PC with its version and backlog, revokes it after naming it, and the PC is refused', async () => {
    const pc = await newPage();
    await pc.goto(listeningUrl(clientHost));
    await expect
      .poll(() => pc.getByTestId('sync-connection').textContent(), { timeout: 20_000 })
      .toContain('Trực tuyến');
    await loginAs(pc, 'tiepdon');
    await pc.keyboard.press('F2');
    await pc.locator('#field-familyName').fill('Vàng');
    await pc.locator('#field-middleName').fill('Thị');
    await pc.locator('#field-givenName').fill('Dợ');
    await pc.locator('#field-dateOfBirth').fill('12031990');
    await pc.locator('#field-sex').selectOption('female');
    await pc.locator('#field-provinceCode').selectOption('15');
    await pc.locator('#field-wardCode').selectOption('02647');
    await pc.locator('#field-street').fill('Thôn Phìn Ngan');
    await pc.locator('#field-street').press('Enter');
    await expectText(pc.getByTestId('patient-name'), 'Vàng Thị Dợ');
    await expect.poll(() => pc.getByTestId('sync-unsent').getAttribute('data-count'), { timeout: 20_000 }).toBe('0');
    const [stored] = await server.database.query<{ id: string; backlog: number | null }>(
      `SELECT id, outbox_backlog AS backlog FROM devices WHERE name = $1`,
      [PC_NAME],
    );
    if (!stored) throw new Error('the PC did not enroll');
    // The PC reports what it still has to send with its next sync request (a pull follows every push).
    await expect
      .poll(
        async () =>
          (
            await server.database.query<{ backlog: number | null }>(
              'SELECT outbox_backlog AS backlog FROM devices WHERE id = $1',
              [stored.id],
            )
          )[0]?.backlog,
        { timeout: 20_000 },
      )
      .toBe(0);

    const admin = await newPage();
    await admin.goto(`${server.url}/console/#/devices`);
    await admin.locator('#sign-in-username').fill('dongbo');
    await admin.locator('#sign-in-password').fill(ADMIN_PASSWORD);
    await admin.locator('#sign-in-password').press('Enter');
    const row = admin.getByTestId(`device-${stored.id}`);
    await expectText(row.getByTestId('device-name'), PC_NAME);
    await expectText(row.getByTestId('device-version'), APP_VERSION);
    await expectText(row.getByTestId('device-backlog'), '0');
    await expectText(row.getByTestId('device-state'), 'Bình thường');
    await expectTextContaining(row, 'Trung tâm Y tế khu vực Bát Xát');
    await expectTextContaining(row, 'vừa xong');
    await expectTextContaining(admin.getByTestId('fleet-summary'), `${APP_VERSION}: 1 máy`);
    await expectTextContaining(admin.getByTestId('summary-ok'), 'Bình thường: 1');

    // The facility view, from the row: its PC, its staff, nothing open.
    await row.getByRole('link', { name: '10010' }).click();
    await admin.getByTestId('page-facility').waitFor();
    await expectTextContaining(admin.locator('h1'), '10010 — Trung tâm Y tế khu vực Bát Xát');
    await expectText(admin.getByTestId('facility-no-problems'), 'Không có việc tồn đọng.');
    await expectText(admin.getByTestId(`device-${stored.id}`).getByTestId('device-name'), PC_NAME);
    await admin.goBack();

    // Revoke: the dialog names the PC and its facility; focus starts on "Không thu hồi".
    await admin.getByTestId(`device-${stored.id}`).getByTestId('revoke-device').click();
    const dialog = admin.getByTestId('revoke-dialog');
    await expectTextContaining(
      dialog.getByTestId('revoke-body'),
      `Thu hồi máy «${PC_NAME}» của Trung tâm Y tế khu vực Bát Xát`,
    );
    await expect
      .poll(() => admin.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('cancel-revoke');
    await admin.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect((await server.database.query('SELECT 1 FROM devices WHERE revoked_at IS NOT NULL')).length).toBe(0);

    await admin.getByTestId(`device-${stored.id}`).getByTestId('revoke-device').click();
    await expectText(admin.getByTestId('confirm-revoke'), `Thu hồi máy «${PC_NAME}»`);
    await admin.getByTestId('confirm-revoke').click();
    await expectText(admin.getByTestId(`device-${stored.id}`).getByTestId('device-state'), 'Đã thu hồi');
    await expectTextContaining(admin.getByTestId('device-notice'), `Đã thu hồi máy «${PC_NAME}»`);
    await expect.poll(() => admin.getByTestId(`device-${stored.id}`).getByTestId('revoke-device').count()).toBe(0);
    await expectTextContaining(admin.getByTestId('summary-revoked'), 'Đã thu hồi: 1');

    // The PC's next sync is refused, and its page says so.
    await pc.getByTestId('sync-connection').waitFor();
    await pc.keyboard.press('F2');
    await pc.locator('#field-familyName').fill('Sùng');
    await pc.locator('#field-middleName').fill('A');
    await pc.locator('#field-givenName').fill('Páo');
    await pc.locator('#field-dateOfBirth').fill('01011980');
    await pc.locator('#field-sex').selectOption('male');
    await pc.locator('#field-provinceCode').selectOption('15');
    await pc.locator('#field-wardCode').selectOption('02647');
    await pc.locator('#field-street').fill('Thôn Phìn Ngan');
    await pc.locator('#field-street').press('Enter');
    await expectText(pc.getByTestId('patient-name'), 'Sùng A Páo');
    await expect
      .poll(() => pc.getByTestId('sync-connection').textContent(), { timeout: 20_000 })
      .toContain('Đã bị thu hồi');
    await expectTextContaining(pc.getByTestId('sync-problem'), 'Máy này đã bị thu hồi quyền đồng bộ');
    const patients = await server.database.query(
      `SELECT 1 FROM sync_documents WHERE collection = 'patients' AND body->>'givenName' = 'Páo'`,
    );
    expect(patients).toHaveLength(0);
  });
});
