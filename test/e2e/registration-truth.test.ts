import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { patientAge } from '../../shared/patient/patient-age';
import { localToday } from '../../renderer/patients/patient-format';
import { expectText, expectTextContaining } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';

/** Issue 16, "Registration": what the clerk sees must be the whole truth at once. */
describe('registration tells the whole truth at once', () => {
  const SCREEN = { width: 1366, height: 768 };
  const facility = facilityInBrowsers({ catalogs: false });

  interface Typed {
    familyName: string;
    middleName: string;
    givenName: string;
    dateOfBirth: string;
    phone?: string;
  }

  /** A patient without a CCCD (a child, many elderly people), typed from the keyboard. */
  async function fillRegistration(page: Page, patient: Typed): Promise<void> {
    await page.keyboard.press('F2');
    await page.locator('#field-familyName').fill(patient.familyName);
    await page.locator('#field-middleName').fill(patient.middleName);
    await page.locator('#field-givenName').fill(patient.givenName);
    await page.locator('#field-dateOfBirth').fill(patient.dateOfBirth);
    await page.locator('#field-sex').selectOption('female');
    await page.locator('#field-phone').fill(patient.phone ?? '');
    await page.locator('#field-provinceCode').selectOption('15');
    await page.locator('#field-wardCode').selectOption('02647');
  }

  const DAO: Typed = { familyName: 'Nguyễn', middleName: 'Thị', givenName: 'Đào', dateOfBirth: '12031990' };
  const ageOfDao = (): number => patientAge('1990-03-12', localToday()).count;

  it('shows every problem in one pass, saves a birth date typed as digits on Enter, and judges the age', async () => {
    const page = await facility.openPc('tiepdon', SCREEN);
    await page.keyboard.press('F2');
    await page.locator('#field-familyName').fill('Nguyễn');
    await page.locator('#field-cccd').fill('12345');
    await page.locator('#field-bhyt').fill('ABC');
    await page.locator('#field-phone').fill('123');
    await page.locator('#field-phone').press('Enter');
    // The required fields and the malformed identifiers, all in the first pass.
    await expectText(page.getByTestId('error-givenName'), 'Bắt buộc nhập.');
    await expectText(page.getByTestId('error-dateOfBirth'), 'Bắt buộc nhập.');
    await expectText(page.getByTestId('error-cccd'), 'Số CCCD phải gồm đúng 12 chữ số.');
    await expectTextContaining(page.getByTestId('error-bhyt'), 'Số thẻ BHYT phải là mã 15 ký tự');
    await expectText(page.getByTestId('error-phone'), 'Số điện thoại phải có 10 hoặc 11 chữ số, bắt đầu bằng 0.');

    await page.getByRole('button', { name: 'Xoá biểu mẫu' }).click();
    await fillRegistration(page, { ...DAO, dateOfBirth: '12031892' });
    await page.locator('#field-dateOfBirth').press('Enter');
    await expectText(page.getByTestId('error-dateOfBirth'), 'Ngày sinh này cho tuổi trên 120: kiểm tra lại năm sinh.');

    // Over 100: a warning beside the field, and the save goes through.
    await page.locator('#field-dateOfBirth').fill('01011920');
    await page.locator('#field-dateOfBirth').press('Tab');
    await expect.poll(() => page.locator('#field-dateOfBirth').inputValue()).toBe('01/01/1920');
    await expectTextContaining(page.getByTestId('warning-dateOfBirth'), 'kiểm tra lại năm sinh');

    // Digits and Enter, no Tab: accepted as Tab would have accepted them.
    await page.locator('#field-dateOfBirth').fill('12031990');
    await expect.poll(() => page.getByTestId('warning-dateOfBirth').count()).toBe(0);
    await page.locator('#field-dateOfBirth').press('Enter');
    await expectText(page.getByTestId('patient-name'), 'Nguyễn Thị Đào');
    await expectTextContaining(page.locator('.detail dl'), `12/03/1990 (${ageOfDao()} tuổi)`);
    // The code is read aloud in groups: facility, then two groups of four.
    await expect.poll(() => page.locator('.detail dl').textContent()).toMatch(/\d{5}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
  });

  it('shows possible duplicates without a CCCD, links to them, and saves past them only when the clerk confirms', async () => {
    const page = await facility.openPc('tiepdon', SCREEN);
    await fillRegistration(page, DAO);
    await page.locator('#field-givenName').press('Enter');
    await expectText(page.getByTestId('patient-name'), 'Nguyễn Thị Đào');
    const firstUrl = page.url();

    // The same person typed again, without diacritics in the name: possibly registered already.
    await fillRegistration(page, {
      familyName: 'nguyen',
      middleName: 'thi',
      givenName: 'dao',
      dateOfBirth: '12/03/1990',
    });
    await page.locator('#field-givenName').press('Enter');
    await expectTextContaining(page.getByTestId('possible-duplicates'), 'cùng họ tên và ngày sinh');
    await expectTextContaining(page.getByTestId('duplicate-link'), 'Nguyễn Thị Đào');
    // Nothing was saved: the form is still there.
    await expect.poll(() => page.locator('#field-givenName').count()).toBe(1);
    await page.getByTestId('duplicate-link').click();
    await expect.poll(() => page.url()).toBe(firstUrl);

    // Another person of the same name and birth date: the clerk says so, and the save goes through.
    await fillRegistration(page, { ...DAO, phone: '0912345678' });
    await page.locator('#field-phone').press('Enter');
    await page.getByTestId('confirm-distinct').click();
    await expectText(page.getByTestId('patient-name'), 'Nguyễn Thị Đào');
    await expect.poll(() => page.url()).not.toBe(firstUrl);

    // A third patient edited into a likeness of another (same phone) is warned the same way.
    await fillRegistration(page, { familyName: 'Lò', middleName: 'Văn', givenName: 'Pó', dateOfBirth: '05031987' });
    await page.locator('#field-givenName').press('Enter');
    await expectText(page.getByTestId('patient-name'), 'Lò Văn Pó');
    await page.getByTestId('edit-patient').click();
    await page.locator('#field-phone').fill('0912 345 678');
    await page.locator('#field-phone').press('Enter');
    await expectTextContaining(page.getByTestId('possible-duplicates'), 'cùng số điện thoại');
    await page.getByTestId('confirm-distinct').click();
    await expectText(page.getByTestId('patient-name'), 'Lò Văn Pó');
  });

  it('opens a record from anywhere on a row or with Enter, shows ages, and finds a code typed any way', async () => {
    const page = await facility.openPc('tiepdon', SCREEN);
    await fillRegistration(page, DAO);
    await page.locator('#field-givenName').press('Enter');
    await expectText(page.getByTestId('patient-name'), 'Nguyễn Thị Đào');
    await fillRegistration(page, { familyName: 'Lò', middleName: 'Văn', givenName: 'Pó', dateOfBirth: '05032025' });
    // A child under six: the form asks who brings him, and will not save without their name and relation.
    await page.getByTestId('guardian-fields').waitFor();
    await page.locator('#field-givenName').press('Enter');
    await expectText(page.getByTestId('error-guardianName'), 'Bắt buộc nhập.');
    await expectText(page.getByTestId('error-guardianRelation'), 'Bắt buộc nhập.');
    await page.locator('#field-guardianName').fill('Lò Thị Xuân');
    await page.locator('#field-guardianRelation').selectOption('mother');
    await page.locator('#field-guardianCccd').fill('011088012345');
    await page.locator('#field-guardianPhone').fill('0912 000 111');
    await page.locator('#field-guardianPhone').press('Enter');
    // A man's CCCD (4th digit 0) is not the mother's: said beside the field, in Vietnamese.
    await expectTextContaining(page.getByTestId('error-guardianCccd'), 'giới tính');
    await page.locator('#field-guardianCccd').fill('011188012345');
    await page.locator('#field-guardianCccd').press('Enter');
    await expectText(page.getByTestId('patient-name'), 'Lò Văn Pó');
    await expectTextContaining(page.locator('.detail dl'), 'Lò Thị Xuân (Mẹ) · CCCD 011188012345 · 0912000111');
    const months = patientAge('2025-03-05', localToday()).count;

    await page.getByRole('button', { name: 'Quay lại danh sách' }).click();
    const rows = page.getByTestId('patient-row');
    await expect.poll(() => rows.count()).toBe(2);
    const pao = rows.filter({ hasText: 'Lò Văn Pó' });
    await expectTextContaining(pao, `05/03/2025 (${months} tháng tuổi)`);
    const code = ((await pao.locator('.patient-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^\d{5}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // A click on the sex column (not the code link) opens the record.
    await pao.locator('td').nth(3).click();
    await expectText(page.getByTestId('patient-name'), 'Lò Văn Pó');

    // Keyboard: from the search box, ArrowDown to the rows, arrows between them, Enter opens.
    await page.keyboard.press('Escape');
    await page.locator('#patient-search').fill('');
    await expect.poll(() => rows.count()).toBe(2);
    const secondName = ((await rows.nth(1).locator('.patient-name').textContent()) ?? '').trim();
    await page.locator('#patient-search').press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expectText(page.getByTestId('patient-name'), secondName);

    // The code as read aloud, typed without dashes in lower case, finds the patient.
    await page.keyboard.press('Escape');
    for (const typed of [code, code.replace(/-/g, '').toLowerCase()]) {
      await page.locator('#patient-search').fill(typed);
      await expect.poll(() => rows.count()).toBe(1);
      await expectTextContaining(rows.first(), 'Lò Văn Pó');
    }
  });
});
