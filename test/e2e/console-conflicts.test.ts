import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditAlertRecord } from '../../server/audit/audit-alert-routes';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { adminSession } from '../helpers/admin-accounts';
import { adminRequest } from '../helpers/admin-requests';
import { TEST_ADMIN } from '../helpers/test-admin';
import { expectText, expectTextContaining, launchChromium } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { IsolatedClient } from '../helpers/isolated-client';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { waitFor } from '../helpers/wait-for';

const ADMIN_PASSWORD = 'quan-tri-tinh-2026';
const SCREEN = { width: 1366, height: 768 };
const KEPT = { phone: '0933333333', street: 'Thôn Nà Lốc', ethnicityCode: '02' };
const LOST = { phone: '0944444444', street: 'Bản Xèo 2', ethnicityCode: '03' };

describe('the console’s Xung đột and Nhật ký pages', () => {
  const facility = facilityInBrowsers({ catalogs: false, deviceName: 'Tiếp đón 1' });
  // The admin's browser at the province, apart from the facility's PCs.
  let provinceBrowser: Browser;
  const adminPages: Page[] = [];
  beforeAll(async () => {
    provinceBrowser = await launchChromium();
  });
  afterAll(async () => {
    await provinceBrowser.close();
  });
  afterEach(async () => {
    for (const page of adminPages.splice(0)) await page.context().close();
  });

  const connection = (page: Page) => page.getByTestId('sync-connection').textContent();
  const unsent = (page: Page) => page.getByTestId('sync-unsent').getAttribute('data-count');

  async function register(page: Page): Promise<void> {
    await page.keyboard.press('F2');
    await page.locator('#field-familyName').fill('Vàng');
    await page.locator('#field-givenName').fill('Lan');
    await page.locator('#field-dateOfBirth').fill('12/03/1990');
    await page.locator('#field-sex').selectOption('female');
    await page.locator('#field-phone').fill('0912345678');
    await page.locator('#field-provinceCode').selectOption('15');
    await page.locator('#field-wardCode').selectOption('02647');
    await page.locator('#field-wardCode').press('Enter');
    await expectText(page.getByTestId('patient-name'), 'Vàng Lan');
  }

  async function edit(page: Page, values: typeof KEPT): Promise<void> {
    await page.getByTestId('edit-patient').click();
    await page.locator('#field-ethnicityCode').selectOption(values.ethnicityCode);
    await page.locator('#field-street').fill(values.street);
    await page.locator('#field-phone').fill(values.phone);
    await page.locator('#field-phone').press('Enter');
    await expectTextContaining(page.getByTestId('patient-name'), 'Vàng');
  }

  async function signIn(): Promise<Page> {
    const context = await provinceBrowser.newContext({ viewport: SCREEN, locale: 'vi-VN' });
    const admin = await context.newPage();
    adminPages.push(admin);
    await admin.goto(`${facility.server().url}/console/`);
    await admin.locator('#sign-in-username').fill('quantri');
    await admin.locator('#sign-in-password').fill(ADMIN_PASSWORD);
    await admin.locator('#sign-in-password').press('Enter');
    await expectTextContaining(admin.getByTestId('current-admin'), 'Quản trị quantri');
    return admin;
  }

  it('shows two offline PCs’ conflict side by side; the admin restores one value, which reaches the PCs, and dismisses another', async () => {
    const server = facility.server();
    await adminSession(server.url, 'quantri', 'province-admin', ADMIN_PASSWORD);
    const first = await facility.openPc('tiepdon', SCREEN);
    await register(first);
    const second = await facility.openPc('tiepdon', SCREEN);
    await second.locator('#patient-search').fill('vang lan');
    await second.getByTestId('patient-results').getByRole('link').first().click();
    await expectText(second.getByTestId('patient-name'), 'Vàng Lan');

    // Both PCs change the same fields while the server is down; the first reaches it first.
    await server.stop();
    for (const page of [first, second])
      await expect.poll(() => connection(page), { timeout: 15_000 }).toContain('Mất kết nối');
    await edit(first, KEPT);
    await edit(second, LOST);
    await second.context().setOffline(true);
    await server.restart();
    await expect.poll(() => unsent(first), { timeout: 30_000 }).toBe('0');
    await second.context().setOffline(false);
    await expect.poll(() => unsent(second), { timeout: 30_000 }).toBe('0');

    const [patient] = await server.database.query<{ code: string }>(
      `SELECT body->>'patientCode' AS code FROM sync_documents WHERE collection = 'patients'`,
    );
    const admin = await signIn();
    await admin.getByRole('link', { name: 'Xung đột' }).click();
    const group = admin.getByTestId('conflict-group');
    await expect.poll(() => group.getByTestId('conflict-row').count(), { timeout: 30_000 }).toBe(3);
    await expectTextContaining(group.getByTestId('conflict-patient'), `Bệnh nhân ${String(patient?.code)}`);
    await expectTextContaining(group, 'Hồ sơ bệnh nhân');
    await expectTextContaining(group.getByTestId('conflict-master-by'), DEMO_STAFF.registrar.displayName);
    const row = (field: string) => group.locator(`[data-testid="conflict-row"][data-field="${field}"]`);
    await expectText(row('phone').getByTestId('conflict-master'), KEPT.phone);
    await expectText(row('phone').getByTestId('conflict-losing'), LOST.phone);
    await expectTextContaining(
      row('phone').getByTestId('conflict-by'),
      `${DEMO_STAFF.registrar.displayName} · máy Tiếp đón 1`,
    );
    // The address is one field, an object: only the part the two disagree on is shown.
    await expectText(row('address').getByTestId('conflict-losing'), `Thôn/số nhà${LOST.street}`);
    await expectText(row('address').getByTestId('conflict-master'), `Thôn/số nhà${KEPT.street}`);

    // Restore: the confirmation says what the field becomes and what it replaces.
    await row('phone').getByTestId('restore-conflict').click();
    const dialog = admin.getByTestId('resolve-dialog');
    await expectText(dialog.getByTestId('resolve-becomes'), LOST.phone);
    await expectTextContaining(dialog.getByTestId('resolve-replaces'), KEPT.phone);
    await admin.keyboard.type('Bệnh nhân xác nhận số mới');
    await admin.keyboard.press('Enter');
    await expectTextContaining(row('phone').getByTestId('conflict-resolved'), 'Đã khôi phục bởi Quản trị quantri');
    await expectTextContaining(row('phone').getByTestId('conflict-resolved'), 'Bệnh nhân xác nhận số mới');

    // The PC whose value had stayed shows the restored one after its next sync.
    await expect.poll(() => first.locator('.detail dl').textContent(), { timeout: 30_000 }).toContain(LOST.phone);

    // Dismiss, with no note: the value that stays is named.
    await row('address').getByTestId('dismiss-conflict').click();
    await expectTextContaining(dialog.getByTestId('resolve-keeps'), KEPT.street);
    await dialog.getByTestId('resolve-confirm').click();
    await expectTextContaining(row('address').getByTestId('conflict-resolved'), 'Đã bỏ qua bởi Quản trị quantri');

    // Resolved meanwhile by someone else: said so, and the list is asked again.
    const middle = await row('ethnicityCode').getAttribute('data-field');
    expect(middle).toBe('ethnicityCode');
    const { documents } = (await adminRequest(server.url, 'GET', '/conflicts/by-document')).body as {
      documents: { conflicts: { id: string; field: string }[] }[];
    };
    const other = documents[0]?.conflicts.find((conflict) => conflict.field === 'ethnicityCode');
    expect((await adminRequest(server.url, 'POST', `/conflicts/${String(other?.id)}/dismiss`, {})).status).toBe(200);
    await row('ethnicityCode').getByTestId('dismiss-conflict').click();
    await dialog.getByTestId('resolve-confirm').click();
    await expectTextContaining(admin.getByTestId('conflicts-notice'), 'đã được xử lý');
    await admin.getByTestId('conflicts-empty').waitFor();

    const recorded = await server.database.query<{ field: string; resolution: string; resolved_by: string }>(
      `SELECT field, resolution, resolved_by FROM sync_conflicts ORDER BY field`,
    );
    expect(recorded).toEqual([
      { field: 'address', resolution: 'dismissed', resolved_by: 'Quản trị quantri' },
      { field: 'ethnicityCode', resolution: 'dismissed', resolved_by: TEST_ADMIN.displayName },
      { field: 'phone', resolution: 'restored', resolved_by: 'Quản trị quantri' },
    ]);

    // The Nhật ký page: the patient's trail by code, and the admins' own actions.
    await admin.getByRole('link', { name: 'Nhật ký' }).click();
    await admin.getByTestId('audit-tab-patient').click();
    await admin.locator('#audit-patient-code').fill(String(patient?.code));
    await admin.locator('#audit-patient-code').press('Enter');
    await expect.poll(() => admin.getByTestId('patient-access-row').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    await expectTextContaining(admin.getByTestId('patient-access-list'), DEMO_STAFF.registrar.displayName);
    await expectTextContaining(admin.getByTestId('patient-access-list'), 'Tạo hồ sơ');
    await admin.getByTestId('audit-tab-admins').click();
    await expectTextContaining(admin.getByTestId('admin-action-list'), 'POST /admin/v1/conflicts/:id/restore');
  });

  it('lists a PC’s audit chain break with the PC and facility; the admin acknowledges it with a required note', async () => {
    const server = facility.server();
    await adminSession(server.url, 'quantri', 'province-admin', ADMIN_PASSWORD);
    const pc = await IsolatedClient.open(server.url, await server.enroll('Tiếp đón 2'), { audit: true });
    try {
      for (let n = 0; n < 3; n++)
        expect((await pc.patients.register(numberedRegistrationForm('Nhật ký', n))).ok).toBe(true);
      await pc.audit.removeEntry(2);
      await pc.goOnline();
      const alerts = async (): Promise<AuditAlertRecord[]> =>
        ((await adminRequest(server.url, 'GET', '/audit/alerts?state=all')).body as { alerts: AuditAlertRecord[] })
          .alerts;
      await waitFor(async () => (await alerts()).length === 1, 'the alert');

      const admin = await signIn();
      await admin.getByRole('link', { name: 'Nhật ký' }).click();
      const alertRow = admin.getByTestId('alert-row');
      await expectTextContaining(alertRow, 'Tiếp đón 2');
      await expectTextContaining(alertRow, '10010');
      await expectTextContaining(alertRow, 'Mục nhật ký bị xóa');
      await alertRow.getByTestId('acknowledge-alert').click();
      await admin.getByTestId('ack-note').press('Enter');
      await expectText(admin.getByTestId('ack-error'), 'Nhập ghi chú: đã kiểm tra gì, kết luận ra sao.');
      await admin.getByTestId('ack-note').fill('Đã hỏi khoa: máy bị cài lại');
      await admin.getByTestId('ack-note').press('Enter');
      await expectText(admin.getByTestId('alerts-notice'), 'Đã xác nhận cảnh báo của máy Tiếp đón 2.');
      await admin.getByTestId('alerts-empty').waitFor();
      expect((await alerts())[0]).toMatchObject({
        acknowledgedBy: 'Quản trị quantri',
        note: 'Đã hỏi khoa: máy bị cài lại',
      });

      // Acknowledged alerts stay listed, with who and why.
      await admin.getByTestId('alerts-show-all').check();
      await expectTextContaining(admin.getByTestId('alert-acknowledged'), 'Đã xác nhận bởi Quản trị quantri');
    } finally {
      await pc.close();
    }
  });
});
