import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectText, expectTextContaining } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';

/** IndexedDB refuses every write on this page, as a full disk does; `restore` puts it back. */
async function diskFull(page: Page): Promise<{ restore: () => Promise<void> }> {
  // Run in the page as written: the methods are kept as they are and put back unchanged.
  await page.evaluate(`(() => {
    const store = IDBObjectStore.prototype;
    window.senSavedStore = { put: store.put, add: store.add };
    const full = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    store.put = full;
    store.add = full;
  })()`);
  return {
    restore: async () => {
      await page.evaluate(`(() => {
        Object.assign(IDBObjectStore.prototype, window.senSavedStore);
      })()`);
    },
  };
}

describe('a visit whose saves fail', () => {
  const facility = facilityInBrowsers();

  it('says so in Vietnamese and keeps what was typed, then saves once the PC can write again', async () => {
    const reception = await facility.openPc('tiepdon');
    await reception.keyboard.press('F2');
    await reception.locator('#field-familyName').fill('Lò');
    await reception.locator('#field-middleName').fill('Văn');
    await reception.locator('#field-givenName').fill('Páo');
    await reception.locator('#field-dateOfBirth').fill('02/09/1985');
    await reception.locator('#field-sex').selectOption('male');
    await reception.locator('#field-provinceCode').selectOption('15');
    await reception.locator('#field-wardCode').selectOption('02647');
    await reception.locator('#field-street').fill('Thôn Phìn Ngan');
    await reception.locator('#field-street').press('Enter');
    await expectText(reception.getByTestId('patient-name'), 'Lò Văn Páo');
    await reception.getByTestId('send-to-room').focus();
    await reception.keyboard.press('Enter');
    await reception.locator('#queue-room option[value="KKB"]').waitFor({ state: 'attached', timeout: 15_000 });
    await reception.locator('#queue-room').selectOption('KKB');
    await reception.locator('#queue-room').press('Enter');
    await expectTextContaining(reception.getByTestId('queue-result'), 'số thứ tự 1');

    const doctor = await facility.openPc('bacsi');
    await doctor.goto(`${facility.clientUrl()}/#/queue`);
    await doctor.locator('#queue-room-select option[value="KKB"]').waitFor({ state: 'attached', timeout: 15_000 });
    await doctor.locator('#queue-room-select').selectOption('KKB');
    await expectTextContaining(doctor.getByTestId('queue'), 'Lò Văn Páo');
    await doctor.keyboard.press('F5');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status')).toBe('in-progress');

    // A primary diagnosis first: the conclusion below needs one, and is refused before any write without it.
    await doctor.locator('#icd-search').focus();
    await doctor.keyboard.type('J18.9');
    await expectTextContaining(doctor.getByTestId('icd-options'), 'J18.9');
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('diagnosis-list'), 'J18.9');

    const disk = await diskFull(doctor);
    await doctor.locator('#vital-pulse').focus();
    await doctor.keyboard.type('88');
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('error-vitals'), 'Chưa lưu được');
    expect(await doctor.locator('#vital-pulse').inputValue()).toBe('88');

    await doctor.locator('#conclusion-disposition').selectOption('home');
    await doctor.locator('#conclusion-advice').fill('Nghỉ ngơi, uống nhiều nước');
    await doctor.getByTestId('finish-visit').click();
    await expectTextContaining(doctor.getByTestId('conclusion-save-failed'), 'Chưa lưu được');
    expect(await doctor.locator('#conclusion-advice').inputValue()).toBe('Nghỉ ngơi, uống nhiều nước');
    expect(await doctor.getByTestId('VisitPage').getAttribute('data-status')).toBe('in-progress');

    await disk.restore();
    await doctor.locator('#vital-pulse').press('Enter');
    await expectTextContaining(doctor.getByTestId('vitals-recorded'), 'Đo lúc');
    await expect.poll(() => doctor.getByTestId('error-vitals').count()).toBe(0);
  });
});
