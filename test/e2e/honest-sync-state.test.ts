import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { DeviceRecord } from '../../server/admin/device-routes';
import { adminRequest } from '../helpers/admin-requests';
import { expectText, expectTextContaining } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';

describe('what the status bar and the sync panel say is true', () => {
  const SCREEN = { width: 1366, height: 768 };
  const facility = facilityInBrowsers({ catalogs: false, deviceName: 'Tiếp đón 1' });

  const connection = (page: Page) => page.getByTestId('sync-connection').textContent();

  async function register(page: Page, givenName: string): Promise<void> {
    await page.keyboard.press('F2');
    await page.locator('#field-familyName').fill('Vàng');
    await page.locator('#field-givenName').fill(givenName);
    await page.locator('#field-dateOfBirth').fill('12/03/1990');
    await page.locator('#field-sex').selectOption('female');
    await page.locator('#field-phone').fill('0912345678');
    await page.locator('#field-provinceCode').selectOption('15');
    await page.locator('#field-wardCode').selectOption('02647');
    await page.locator('#field-wardCode').press('Enter');
    await expectText(page.getByTestId('patient-name'), `Vàng ${givenName}`);
  }

  it('counts audit entries written offline, says when it retries, and sends everything when the server returns', async () => {
    const desk = await facility.openPc('tiepdon', SCREEN);
    await expect.poll(() => desk.getByTestId('sync-unsent').getAttribute('data-count'), { timeout: 20_000 }).toBe('0');
    await facility.server().stop();
    await expect.poll(() => connection(desk), { timeout: 15_000 }).toContain('Mất kết nối');

    await register(desk, 'Mỷ');
    await expectText(desk.getByTestId('sync-unsent'), '1 hồ sơ chưa gửi');
    // The registration and the chart opening that follows it, each an audit entry.
    await expect
      .poll(() => desk.getByTestId('sync-unsent-audit').textContent())
      .toMatch(/mục nhật ký truy cập chưa gửi/);

    await desk.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect
      .poll(() => desk.getByTestId('sync-now-offline').textContent())
      .toMatch(/^Không kết nối được máy chủ tỉnh\. Máy sẽ tự thử lại lúc \d{2}:\d{2}:\d{2}\.$/);

    await facility.server().restart();
    await desk.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect.poll(() => desk.getByTestId('sync-unsent').getAttribute('data-count'), { timeout: 30_000 }).toBe('0');
    await expect.poll(() => desk.getByTestId('sync-unsent-audit').count(), { timeout: 30_000 }).toBe(0);
    expect(await desk.getByTestId('sync-now-offline').count()).toBe(0);
    const stored = await facility
      .server()
      .database.query<{ action: string; username: string }>(
        `SELECT action, username FROM audit_entries WHERE action = 'patient-create'`,
      );
    expect(stored).toEqual([{ action: 'patient-create', username: 'tiepdon' }]);
  });

  it('shows a revoked PC as revoked, not also as offline', async () => {
    const desk = await facility.openPc('tiepdon', SCREEN);
    const { devices } = (await adminRequest(facility.server().url, 'GET', '/devices')).body as {
      devices: DeviceRecord[];
    };
    await adminRequest(facility.server().url, 'POST', `/devices/${String(devices[0]?.id)}/revoke`);
    await expectTextContaining(desk.getByTestId('sync-problem'), 'Máy này đã bị thu hồi');
    await expect.poll(() => connection(desk)).toBe('Đã bị thu hồi');
    // However long the PC keeps trying, it never claims the link is down.
    await desk.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expectTextContaining(desk.getByTestId('sync-problem'), 'Máy này đã bị thu hồi');
    expect(await connection(desk)).toBe('Đã bị thu hồi');
    expect(await desk.locator('.status-bar').textContent()).not.toContain('Mất kết nối');
  });

  it('tells both PCs which value lost a merge, and puts it back on request', async () => {
    const first = await facility.openPc('tiepdon', SCREEN);
    await register(first, 'Lan');
    const second = await facility.openPc('tiepdon', SCREEN);
    await second.locator('#patient-search').fill('vang lan');
    await second.getByTestId('patient-results').getByRole('link').first().click();
    await expectText(second.getByTestId('patient-name'), 'Vàng Lan');

    // Both PCs change the phone while the server is down.
    await facility.server().stop();
    for (const [page, phone] of [
      [first, '0933333333'],
      [second, '0944444444'],
    ] as const) {
      await expect.poll(() => connection(page), { timeout: 15_000 }).toContain('Mất kết nối');
      await page.getByTestId('edit-patient').click();
      await page.locator('#field-phone').fill(phone);
      await page.locator('#field-phone').press('Enter');
      await expectText(page.getByTestId('patient-name'), 'Vàng Lan');
    }
    await facility.server().restart();

    for (const page of [first, second]) {
      await expectTextContaining(page.getByTestId('sync-lost-values'), '1 giá trị bị ghi đè khi đồng bộ');
    }
    await second.getByTestId('sync-lost-values').click();
    const row = second.getByTestId('panel-lost-value');
    await expectTextContaining(row, 'Vàng Lan');
    await expectTextContaining(row, 'Nguyễn Thị Tiếp (tiếp đón)');
    const losing = (await second.getByTestId('panel-lost-value').locator('td').nth(3).textContent()) ?? '';
    expect(['0933333333', '0944444444']).toContain(losing);

    await row.getByRole('button', { name: 'Mở hồ sơ' }).click();
    await expectText(second.getByTestId('lost-value-losing'), losing);
    await second.getByTestId('restore-lost-value').click();
    await expect.poll(() => second.getByTestId('lost-values').count(), { timeout: 20_000 }).toBe(0);
    await expectTextContaining(second.locator('.detail dl'), losing);
    await expect.poll(() => first.getByTestId('sync-lost-values').count(), { timeout: 20_000 }).toBe(0);
  });

  it('lets the facility admin rename this PC and shows the record’s internal id to those who read the audit trail', async () => {
    const desk = await facility.openPc('admin', SCREEN);
    await desk.goto(`${facility.clientUrl()}/#/sync`);
    await expectText(desk.getByTestId('device-name-current'), 'Tiếp đón 1');
    await desk.locator('#device-name-input').fill('  ');
    await desk.locator('#device-name-input').press('Enter');
    await expectText(desk.getByTestId('device-name-message'), 'Tên máy cần từ 1 đến 60 ký tự.');
    await desk.locator('#device-name-input').fill('Tiếp đón 2');
    await desk.locator('#device-name-input').press('Enter');
    await expectText(desk.getByTestId('device-name-message'), 'Đã đổi tên máy.');
    const { devices } = (await adminRequest(facility.server().url, 'GET', '/devices')).body as {
      devices: DeviceRecord[];
    };
    expect(devices.map((device) => device.name)).toEqual(['Tiếp đón 2']);

    const reception = await facility.openPc('tiepdon', SCREEN);
    await register(reception, 'Hoa');
    // The registrar neither renames the PC nor sees internal ids.
    expect(await reception.getByTestId('audit-reference').count()).toBe(0);
    await reception.goto(`${facility.clientUrl()}/#/sync`);
    await expectText(reception.getByTestId('device-name-current'), 'Tiếp đón 1');
    expect(await reception.locator('#device-name-input').count()).toBe(0);

    await desk.goto(`${facility.clientUrl()}/#/`);
    await desk.locator('#patient-search').fill('vang hoa');
    await desk.getByTestId('patient-results').getByRole('link').first().click();
    await expectTextContaining(desk.getByTestId('audit-reference'), 'Mã nội bộ (tra nhật ký truy cập)');
    const id = (await desk.getByTestId('audit-patient-id').textContent()) ?? '';
    const access = (await adminRequest(facility.server().url, 'GET', `/patients/${id}/access`)).body as {
      patientId: string;
    };
    expect(access.patientId).toBe(id);
  });
});
