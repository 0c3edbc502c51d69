import { mkdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-staff';
import { adminSession } from '../helpers/admin-accounts';
import { expectText, expectTextContaining, loginAs } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { overflowingElements } from '../helpers/layout-checks';

const ADMIN_PASSWORD = 'quan-tri-tinh-2026';
const POLL = { timeout: 30_000 };
/** Set to a folder to save the pages' screenshots there (the README's come from this). */
const SCREENSHOTS = process.env.SEN_SCREENSHOTS;

const LAB_HEADER =
  'STT,Mã chỉ số,Tên chỉ số,Tên tiếng Anh,Nhóm xét nghiệm,Mã LOINC,Đơn vị đo,Kết quả bình thường,Nam - thấp,Nam - cao,Nữ - thấp,Nữ - cao,Trẻ em - thấp,Trẻ em - cao,Nguy hiểm - thấp,Nguy hiểm - cao,Số ngày hiệu lực';
const PROCALCITONIN =
  '1,SEN-XN-901,Procalcitonin máu,Procalcitonin [Mass/volume] in Serum or Plasma,Miễn dịch,33959-8,ng/mL,,0,0.5,0,0.5,0,0.5,,,1';
const FERRITIN_BAD =
  '2,SEN-XN-902,Ferritin máu,Ferritin [Mass/volume] in Serum or Plasma,Miễn dịch,2276-4,ng/mL,,ba mươi,300,13,150,7,140,,,30';
const FERRITIN =
  '2,SEN-XN-902,Ferritin máu,Ferritin [Mass/volume] in Serum or Plasma,Miễn dịch,2276-4,ng/mL,,30,300,13,150,7,140,,,30';

/**
 * The console's Nhân viên and Danh mục pages against the real server, with the demo facility's
 * PCs served beside it: what the admin does there reaches the PCs through sync.
 */
describe('the console’s staff and catalog pages reach the facility’s PCs', () => {
  const facility = facilityInBrowsers({ deviceName: 'Phòng khám 1' });
  let files: string;

  beforeEach(async () => {
    files = await mkdtemp(join(tmpdir(), 'sen-console-catalog-'));
    await adminSession(facility.server().url, 'quantri', 'province-admin', ADMIN_PASSWORD);
  });
  afterEach(async () => {
    await rm(files, { recursive: true, force: true });
  });

  /** The console in another tab of `pc`'s browser (another origin: nothing shared), signed in. */
  async function openConsole(pc: Page, route: string): Promise<Page> {
    const admin = await pc.context().newPage();
    await admin.setViewportSize({ width: 1366, height: 768 });
    await admin.goto(`${facility.server().url}/console/`);
    await admin.locator('#sign-in-username').fill('quantri');
    await admin.locator('#sign-in-password').fill(ADMIN_PASSWORD);
    await admin.locator('#sign-in-password').press('Enter');
    await admin.getByTestId('current-admin').waitFor();
    await admin.goto(`${facility.server().url}/console/#/${route}`);
    return admin;
  }

  async function fits(page: Page, name: string): Promise<void> {
    await expect.poll(() => overflowingElements(page)).toEqual([]);
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    }
  }

  const accountsOnPc = async (pc: Page): Promise<number> =>
    Number((await pc.locator('.login').getAttribute('data-accounts')) ?? 0);

  async function logout(pc: Page): Promise<void> {
    await pc.getByRole('button', { name: 'Tài khoản' }).click();
    await pc.getByRole('menuitem', { name: 'Đăng xuất' }).click();
    await pc.locator('.login').waitFor();
  }

  it('creates a doctor who signs in on a PC after sync; deactivated, the PC signs him out and refuses him', async () => {
    const pc = await facility.openPc('tiepdon');
    const admin = await openConsole(pc, 'staff/10010');
    await admin.getByTestId('staff-bacsi').waitFor();
    await expectText(admin.getByTestId('staff-bacsi').getByTestId('staff-roles'), 'Bác sĩ');
    await expectTextContaining(admin.getByTestId('device-reach'), 'Phòng khám 1');

    // A password the server would refuse is said beside the field, and nothing is sent.
    await admin.getByTestId('add-staff').click();
    await admin.locator('#staff-name').fill('Lý Văn Hùng');
    await admin.locator('#staff-username').fill('bacsihung');
    await admin.locator('#staff-role-doctor').check();
    await admin.locator('#staff-password').fill('bacsihung');
    await admin.locator('#staff-password').press('Enter');
    await expectText(admin.getByTestId('staff-error-password'), 'Mật khẩu không được trùng tên đăng nhập.');
    await admin.locator('#staff-password').fill(DEMO_PASSWORD);
    await admin.locator('#staff-password').press('Enter');
    await expectText(
      admin.getByTestId('staff-notice').locator('.notice'),
      'Đã tạo tài khoản bacsihung cho Lý Văn Hùng.',
    );
    await expectTextContaining(admin.getByTestId('staff-reach'), 'đến các máy trạm của cơ sở khi chúng đồng bộ');
    await expectText(admin.getByTestId('temporary-password'), DEMO_PASSWORD);
    await expectText(admin.getByTestId('staff-bacsihung').getByTestId('staff-roles'), 'Bác sĩ');
    // A username already taken at the facility: the server's refusal, in Vietnamese.
    await admin.getByTestId('add-staff').click();
    await admin.locator('#staff-name').fill('Người khác');
    await admin.locator('#staff-username').fill('bacsihung');
    await admin.locator('#staff-role-nurse').check();
    await admin.getByTestId('staff-generate').click();
    await admin.locator('#staff-password').press('Enter');
    await expectText(admin.getByTestId('staff-form-error'), 'Tên đăng nhập này đã có ở cơ sở. Chọn tên khác.');
    await admin.locator('#staff-password').press('Escape');
    await fits(admin, 'console-nhan-vien');

    // The PC has it after its next sync, and he signs in there.
    const before = await accountsOnPc(pc).catch(() => 0);
    await logout(pc);
    await expect.poll(() => accountsOnPc(pc), POLL).toBeGreaterThan(before);
    await loginAs(pc, 'bacsihung', DEMO_PASSWORD);
    await expectTextContaining(pc.getByTestId('current-user'), 'Lý Văn Hùng');

    // Deactivated at the province (after a confirmation naming him): the PC signs him out at
    // its next sync and refuses him from then on.
    let confirmation = '';
    admin.once('dialog', (dialog) => {
      confirmation = dialog.message();
      void dialog.accept();
    });
    await admin.getByTestId('staff-bacsihung').getByTestId('deactivate-staff').click();
    await expectText(admin.getByTestId('staff-bacsihung').getByTestId('staff-state'), 'Đã vô hiệu hoá');
    expect(confirmation).toContain('Lý Văn Hùng (bacsihung)');
    await pc.locator('.login').waitFor(POLL);
    await pc.locator('input[name="username"]').fill('bacsihung');
    await pc.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await pc.locator('input[name="password"]').press('Enter');
    await expectText(pc.getByRole('alert'), 'Tài khoản đã bị vô hiệu hoá. Liên hệ quản trị cơ sở.');
  });

  it('dry-runs a lab-test file, shows its bad row by line, applies the fixed one, and the PC finds the new test', async () => {
    const reception = await facility.openPc('tiepdon');
    const admin = await openConsole(reception, 'catalogs');
    const bad = join(files, 'xet-nghiem.csv');
    await writeFile(bad, `\uFEFF${[LAB_HEADER, PROCALCITONIN, FERRITIN_BAD].join('\r\n')}\r\n`);
    await admin.locator('#catalog-kind').selectOption('lab-test');
    await expect.poll(() => admin.locator('#catalog-province').inputValue()).toBe('15');
    await admin.locator('#catalog-file').setInputFiles(bad);
    await admin.getByTestId('catalog-dry-run').click();
    const problem = admin.getByTestId('catalog-problems').getByTestId('problem-line-3');
    await expectTextContaining(problem, 'Nam - thấp');
    await expectTextContaining(problem, 'Giá trị không hợp lệ.');
    await expect.poll(() => admin.getByTestId('catalog-apply').isDisabled()).toBe(true);

    const fixed = join(files, 'xet-nghiem-da-sua.csv');
    await writeFile(fixed, `\uFEFF${[LAB_HEADER, PROCALCITONIN, FERRITIN].join('\r\n')}\r\n`);
    await admin.locator('#catalog-file').setInputFiles(fixed);
    await admin.getByTestId('catalog-dry-run').click();
    await expectText(admin.getByTestId('count-added').locator('dd'), '2');
    await expectText(admin.getByTestId('count-retired').locator('dd'), '0');
    await expectTextContaining(admin.getByTestId('changes-added'), 'SEN-XN-901');
    await fits(admin, 'console-danh-muc');
    const stored = async () =>
      (
        await facility
          .server()
          .database.query(`SELECT 1 FROM sync_documents WHERE collection = 'catalog' AND body->>'code' = 'SEN-XN-901'`)
      ).length;
    expect(await stored()).toBe(0);
    admin.once('dialog', (dialog) => void dialog.accept());
    await admin.getByTestId('catalog-apply').click();
    await expectTextContaining(admin.getByTestId('import-applied'), 'Đã công bố 2 phiên bản mới');
    expect(await stored()).toBe(1);

    // A patient sent to the exam room, where the doctor's order search finds the new test.
    await reception.keyboard.press('F2');
    await reception.locator('#field-familyName').fill('Lò');
    await reception.locator('#field-middleName').fill('Thị');
    await reception.locator('#field-givenName').fill('Mai');
    await reception.locator('#field-dateOfBirth').fill('05/06/1968');
    await reception.locator('#field-sex').selectOption('female');
    await reception.locator('#field-provinceCode').selectOption('15');
    await reception.locator('#field-wardCode').selectOption('02647');
    await reception.locator('#field-ethnicityCode').selectOption('08');
    await reception.locator('#field-ethnicityCode').press('Enter');
    await expectText(reception.getByTestId('patient-name'), 'Lò Thị Mai');
    await reception.getByTestId('send-to-room').focus();
    await reception.keyboard.press('Enter');
    await reception.locator('#queue-room option[value="KKB"]').waitFor({ state: 'attached', timeout: 20_000 });
    await reception.locator('#queue-room').selectOption('KKB');
    await reception.locator('#queue-room').press('Enter');
    await expectTextContaining(reception.getByTestId('queue-result'), 'Đã gửi vào Khoa Khám bệnh');

    const doctor = await facility.openPc('bacsi');
    await doctor.goto(`${facility.clientUrl()}/#/queue`);
    await doctor.locator('#queue-room-select option[value="KKB"]').waitFor({ state: 'attached', timeout: 20_000 });
    await doctor.locator('#queue-room-select').selectOption('KKB');
    await expectTextContaining(doctor.getByTestId('queue'), 'Lò Thị Mai');
    await doctor.keyboard.press('F5');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status'), POLL).toBe('in-progress');
    await doctor.locator('#orders-test-search').fill('procalcitonin');
    await expectTextContaining(doctor.locator('#orders-test-results'), 'SEN-XN-901');
  });
});
