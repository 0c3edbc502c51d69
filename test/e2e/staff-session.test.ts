import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import {
  expectText,
  expectTextContaining,
  expectValue,
  launchChromium,
  loginAs,
  screenshotOnFailure,
  waitForAccounts,
} from '../helpers/browser';
import { adminRequest } from '../helpers/admin-requests';
import { TestServer } from '../helpers/test-server';

/** Short enough to watch the lock happen in a test; the product's default is 10 minutes. */
const IDLE_LOCK_MINUTES = 0.05;

describe('staff at a shared desk', () => {
  let browser: Browser;
  let server: TestServer;
  let clientHost: FastifyInstance | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });
  beforeEach(async ({ task }) => {
    server = await TestServer.start();
    screenshotOnFailure(() => pages, task.name);
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    await clientHost?.close();
    clientHost = undefined;
    await server.close();
  });

  async function openDesk(idleLockMinutes = 10): Promise<Page> {
    clientHost = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: { serverUrl: server.url, enrollmentCode: DEMO_ENROLLMENT_CODE, deviceName: 'e2e', idleLockMinutes },
    });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    const page = await context.newPage();
    pages.push(page);
    await page.goto(listeningUrl(clientHost));
    await expectText(page.locator('h1'), 'Đăng nhập');
    await expectText(page.getByTestId('sync-connection'), 'Trực tuyến');
    await waitForAccounts(page);
    return page;
  }

  /** Password, lock and logout are in the menu under the user's name. */
  async function chooseFromUserMenu(page: Page, item: string): Promise<void> {
    await page.getByRole('button', { name: 'Tài khoản' }).click();
    await page.getByRole('menuitem', { name: item }).click();
  }

  it('refuses a wrong password in Vietnamese, then locks the name after five tries', async () => {
    const desk = await openDesk();
    await desk.locator('input[name="username"]').fill('tiepdon');
    for (let left = 4; left >= 1; left--) {
      await desk.locator('input[name="password"]').fill('sai-mat-khau');
      await desk.locator('input[name="password"]').press('Enter');
      await expectText(
        desk.getByRole('alert'),
        `Sai tên đăng nhập hoặc mật khẩu. Còn ${left} lần thử trước khi tạm khoá.`,
      );
    }
    await desk.locator('input[name="password"]').fill('sai-mat-khau');
    await desk.locator('input[name="password"]').press('Enter');
    await expectTextContaining(desk.getByRole('alert'), 'tạm khoá trên máy này');
    await desk.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await desk.locator('input[name="password"]').press('Enter');
    await expectTextContaining(desk.getByRole('alert'), 'Thử lại sau 5 phút');
  });

  it('locks an idle screen over a half-typed form, keeps it, and unlocks only for the same user', async () => {
    const desk = await openDesk(IDLE_LOCK_MINUTES);
    await loginAs(desk, 'tiepdon');
    await expectTextContaining(desk.getByTestId('current-user'), 'Tiếp đón');
    await desk.keyboard.press('F2');
    await desk.locator('#field-familyName').fill('Thào');
    await desk.locator('#field-givenName').fill('Chống');

    // No key, no click: the lock comes by itself and hides the patient's details.
    await expectText(desk.locator('#lock-title'), 'Màn hình đã khoá');
    expect(await desk.locator('.session-content').getAttribute('aria-hidden')).toBe('true');
    // Shortcuts do not reach the app underneath: Esc would have left the half-typed form.
    await desk.keyboard.press('Escape');
    await desk.keyboard.press('F3');
    await desk.locator('input[name="unlock-password"]').fill('not-hers');
    await desk.locator('input[name="unlock-password"]').press('Enter');
    await expectTextContaining(desk.getByRole('alert'), 'Sai tên đăng nhập hoặc mật khẩu');
    await desk.locator('input[name="unlock-password"]').fill(DEMO_PASSWORD);
    await desk.locator('input[name="unlock-password"]').press('Enter');
    await desk.locator('#lock-title').waitFor({ state: 'detached' });
    await expectValue(desk.locator('#field-familyName'), 'Thào');
    await expectValue(desk.locator('#field-givenName'), 'Chống');
  });

  it('switches to the doctor, who sees no registration, and back, with the registrar’s draft kept for her', async () => {
    const desk = await openDesk();
    await loginAs(desk, 'tiepdon');
    await desk.keyboard.press('F2');
    await desk.locator('#field-givenName').fill('Dính');
    await desk.locator('[data-draft="saved"]').waitFor();
    await desk.keyboard.press('Control+l');
    await desk.getByRole('button', { name: 'Đổi người dùng' }).click();
    await expectText(desk.locator('h1'), 'Đăng nhập');

    await loginAs(desk, 'bacsi');
    await expectTextContaining(desk.getByTestId('current-user'), 'Bác sĩ');
    expect(await desk.getByRole('link', { name: 'Đăng ký mới' }).count()).toBe(0);
    // Neither offered in the header nor answered: F2 leaves the doctor where they are.
    expect(await desk.locator('.shortcuts').textContent()).not.toContain('F2');
    await desk.keyboard.press('F2');
    await desk.keyboard.press('F3');
    await expect.poll(() => desk.evaluate(() => document.activeElement?.id)).toBe('patient-search');
    expect(await desk.getByTestId('forbidden').count()).toBe(0);
    expect(await desk.evaluate(() => window.location.hash)).toBe('#/');
    await chooseFromUserMenu(desk, 'Đăng xuất');

    // The registrar is one click away on the login page.
    await desk.getByRole('button', { name: 'Nguyễn Thị Tiếp (tiếp đón)' }).click();
    await desk.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await desk.locator('input[name="password"]').press('Enter');
    await expectTextContaining(desk.getByTestId('current-user'), 'Tiếp đón');
    await desk.keyboard.press('F2');
    await expectText(desk.locator('.notice'), 'Đã khôi phục biểu mẫu đang nhập dở.');
    await expectValue(desk.locator('#field-givenName'), 'Dính');
  });

  it('changes a password offline: the new one works at once on this PC, and reaches the province signed, the key re-sealed', async () => {
    const desk = await openDesk();
    await loginAs(desk, 'dieuduong');
    await server.stop();
    await expectText(desk.getByTestId('sync-connection'), 'Mất kết nối');
    await chooseFromUserMenu(desk, 'Đổi mật khẩu');
    await desk.locator('input[name="current-password"]').fill(DEMO_PASSWORD);
    await desk.locator('input[name="new-password"]').fill('mai-2026-bat-xat');
    await desk.locator('input[name="confirm-password"]').fill('mai-2026-bat-xat');
    await desk.locator('input[name="confirm-password"]').press('Enter');
    await expectTextContaining(desk.getByRole('status').first(), 'Đã đổi mật khẩu');
    await chooseFromUserMenu(desk, 'Đăng xuất');
    await loginAs(desk, 'dieuduong', 'mai-2026-bat-xat');
    await expectTextContaining(desk.getByTestId('current-user'), 'Điều dưỡng');
    // Back online, the change reaches the province signed by the nurse, with her key re-sealed.
    await server.restart();
    await expect.poll(() => desk.getByTestId('sync-unsent').getAttribute('data-count'), { timeout: 20_000 }).toBe('0');
    const [stored] = await server.database.query<{ body: StaffDocument; signature: { signer: string } }>(
      `SELECT body, signature FROM sync_documents WHERE collection = 'staff' AND id = $1`,
      [DEMO_STAFF.nurse.id],
    );
    expect(stored?.signature.signer).toBe(DEMO_STAFF.nurse.id);
    expect(stored?.body.keys).toEqual(DEMO_STAFF.nurse.keys);
    expect(stored?.body.sealedKey.kdf.salt).not.toBe(DEMO_STAFF.nurse.sealedKey.kdf.salt);
  });

  it('on a revoked PC, lets the facility admin erase the local data for good', async () => {
    const desk = await openDesk();
    await loginAs(desk, 'tiepdon');
    const { devices } = (await adminRequest(server.url, 'GET', '/devices')).body as { devices: { id: string }[] };
    const [device] = devices;
    if (!device) throw new Error('no device');
    await adminRequest(server.url, 'POST', `/devices/${device.id}/revoke`);
    await expectTextContaining(desk.locator('.status-bar'), 'thu hồi');

    // Registered after the revocation: it can never reach the province.
    await desk.keyboard.press('F2');
    await desk.locator('#field-familyName').fill('Lù');
    await desk.locator('#field-givenName').fill('Sáng');
    await desk.locator('#field-dateOfBirth').fill('01/01/1990');
    await desk.locator('#field-sex').selectOption('male');
    await desk.locator('#field-provinceCode').selectOption('15');
    await desk.locator('#field-wardCode').selectOption('02647');
    await desk.locator('#field-wardCode').press('Enter');
    await expectText(desk.getByTestId('patient-name'), 'Lù Sáng');

    // Only the facility admin is offered the erase.
    await desk.getByRole('link', { name: 'Đồng bộ' }).click();
    await expectText(desk.locator('.sync-panel h1'), 'Tình trạng đồng bộ');
    expect(await desk.getByTestId('erase-device').count()).toBe(0);
    await chooseFromUserMenu(desk, 'Đăng xuất');
    await loginAs(desk, 'admin');
    await desk.getByRole('link', { name: 'Đồng bộ' }).click();
    await expectTextContaining(desk.getByTestId('erase-device'), '1 hồ sơ chưa gửi lên máy chủ tỉnh sẽ mất.');
    await desk.getByRole('button', { name: 'Xoá dữ liệu trên máy này…' }).click();
    await desk.getByRole('button', { name: 'Bấm để xác nhận: xoá vĩnh viễn' }).click();

    // The demo configuration enrolls again at once: a new device, with none of the old data.
    // (Erasing, reopening the database and enrolling take seconds on a loaded machine.)
    await expect
      .poll(
        async () => ((await adminRequest(server.url, 'GET', '/devices')).body as { devices: object[] }).devices.length,
        { timeout: 20_000 },
      )
      .toBe(2);
    await loginAs(desk, 'tiepdon');
    await desk.locator('#patient-search').fill('lu sang');
    await expectText(desk.locator('.empty'), 'Không tìm thấy bệnh nhân nào.');
  });
});
