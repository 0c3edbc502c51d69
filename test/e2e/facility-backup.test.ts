import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RENDERER_DIST } from '../../scripts/build-renderer';
import { listeningUrl, serveClient } from '../../scripts/serve-client';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { expectText, expectTextContaining, loginAs } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';

describe('a facility backup, restored on a new PC', () => {
  const facility = facilityInBrowsers({ catalogs: false, deviceName: 'Tiếp đón cũ' });
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sen-e2e-backup-'));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  const unsent = (page: Page): Promise<string | null> => page.getByTestId('sync-unsent').getAttribute('data-count');

  async function register(page: Page, givenName: string, cccd: string): Promise<void> {
    await page.keyboard.press('F2');
    await page.locator('#field-familyName').fill('Nguyễn');
    await page.locator('#field-middleName').fill('Thị');
    await page.locator('#field-givenName').fill(givenName);
    await page.locator('#field-dateOfBirth').fill('12031990');
    await page.locator('#field-sex').selectOption('female');
    await page.locator('#field-cccd').fill(cccd);
    await page.locator('#field-provinceCode').selectOption('15');
    await page.locator('#field-wardCode').selectOption('02647');
    await page.locator('#field-street').fill('Thôn Phìn Ngan');
    await page.locator('#field-street').press('Enter');
    await expectText(page.getByTestId('patient-name'), `Nguyễn Thị ${givenName}`);
  }

  it('is made by the facility admin with a recovery code and brings every patient back on a new profile', async () => {
    const old = await facility.openPc('tiepdon');
    await register(old, 'Đào', '001190012345');
    await expect.poll(() => unsent(old), { timeout: 20_000 }).toBe('0');
    // The province never hears of the second patient: the server is down, then the PC dies.
    await facility.server().stop();
    await register(old, 'Mai', '001190054321');
    await expect.poll(() => unsent(old)).toBe('1');

    await old.reload();
    await loginAs(old, 'admin');
    await old.goto(`${facility.clientUrl()}#/backup`);
    await old.getByRole('button', { name: 'Tạo mã khôi phục' }).click();
    const code = (await old.getByTestId('recovery-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/);
    await old.getByRole('button', { name: 'Tôi đã ghi mã ra giấy' }).click();
    const downloading = old.waitForEvent('download');
    await old.getByRole('button', { name: 'Sao lưu ngay' }).click();
    const download = await downloading;
    const file = join(folder, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^sen-\w+-\d{8}-\d{4}\.senbak$/);
    await expectTextContaining(old.getByTestId('backup-history'), 'Thành công');
    // The code is shown once: nowhere on the page any more.
    expect(await old.getByTestId('recovery-code').count()).toBe(0);
    await old.context().close();
    await facility.server().restart();

    // The new PC's first run: no PC name in its configuration, so the enrollment screen shows.
    const host = await serveClient({
      distDir: RENDERER_DIST,
      port: 0,
      config: { serverUrl: facility.server().url, enrollmentCode: DEMO_ENROLLMENT_CODE },
    });
    const context = await old
      .context()
      .browser()
      ?.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    if (!context) throw new Error('no browser');
    try {
      const fresh = await context.newPage();
      await fresh.goto(listeningUrl(host));
      await fresh.getByLabel('Khôi phục từ bản sao lưu').check();
      await fresh.getByTestId('backup-file').setInputFiles(file);
      await expectTextContaining(fresh.getByTestId('backup-summary'), '1 chưa gửi lên tỉnh');
      await fresh.locator('#enroll-device-name').fill('Tiếp đón mới');
      const recoveryCode = fresh.getByLabel('Mã khôi phục');
      await recoveryCode.fill('AAAAA-BBBBB-CCCCC-DDDDD-EEEEE');
      await recoveryCode.press('Enter');
      await expectTextContaining(fresh.getByRole('alert'), 'Mã khôi phục không đúng');
      await recoveryCode.fill(code.toLowerCase());
      await recoveryCode.press('Enter');

      await loginAs(fresh, 'tiepdon');
      await fresh.locator('#patient-search').fill('nguyen thi');
      await expectTextContaining(fresh.getByTestId('patient-results'), 'Nguyễn Thị Đào');
      await expectTextContaining(fresh.getByTestId('patient-results'), 'Nguyễn Thị Mai');
      // What only the backup held reaches the province, once.
      await expect.poll(() => unsent(fresh), { timeout: 20_000 }).toBe('0');
      const rows = await facility
        .server()
        .database.query<{ copies: number }>(
          `SELECT count(*)::int AS copies FROM sync_documents WHERE collection = 'patients' GROUP BY id`,
        );
      expect(rows.map((row) => row.copies)).toEqual([1, 1]);
    } finally {
      await context.close();
      await host.close();
    }
  });
});
