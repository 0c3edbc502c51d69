import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatDisplayDate } from '../../shared/text/dates';
import { localIsoDate } from '../../renderer/visits/visit-rules';
import { expectText, expectTextContaining } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { pickIcd } from '../helpers/visit-page';

describe('an outpatient visit, from reception to the doctor', () => {
  const facility = facilityInBrowsers();
  const openClient = (username: string): Promise<Page> => facility.openPc(username);

  async function registerPatient(page: Page): Promise<void> {
    await page.keyboard.press('F2');
    await page.locator('#field-familyName').fill('Nguyễn');
    await page.locator('#field-middleName').fill('Thị');
    await page.locator('#field-givenName').fill('Đào');
    await page.locator('#field-dateOfBirth').fill('12/03/1990');
    await page.locator('#field-sex').selectOption('female');
    await page.locator('#field-cccd').fill('001190012345');
    await page.locator('#field-bhyt').fill('DN4010123456789');
    await page.locator('#field-provinceCode').selectOption('15');
    await page.locator('#field-wardCode').selectOption('02647');
    await page.locator('#field-street').fill('Thôn Phìn Ngan');
    await page.locator('#field-street').press('Enter');
    await expectText(page.getByTestId('patient-name'), 'Nguyễn Thị Đào');
  }

  it('queues at reception, and the doctor calls, measures, writes, diagnoses and concludes by keyboard', async () => {
    const reception = await openClient('tiepdon');
    await registerPatient(reception);
    await reception.getByTestId('send-to-room').focus();
    await reception.keyboard.press('Enter');
    await reception.locator('#queue-room option[value="KKB"]').waitFor({ state: 'attached', timeout: 15_000 });
    await reception.locator('#queue-room').selectOption('KKB');
    await reception.locator('#queue-room').press('Enter');
    await expectText(reception.getByTestId('queue-result'), 'Đã gửi vào Khoa Khám bệnh: số thứ tự 1.');

    const doctor = await openClient('bacsi');
    await doctor.goto(`${facility.clientUrl()}/#/queue`);
    await doctor.locator('#queue-room-select option[value="KKB"]').waitFor({ state: 'attached', timeout: 15_000 });
    await doctor.locator('#queue-room-select').selectOption('KKB');
    // The visit arrives through sync from the reception PC.
    await expectTextContaining(doctor.getByTestId('queue'), 'Nguyễn Thị Đào');
    await expectText(doctor.getByTestId('queue-row').first().locator('td').nth(3), 'Đang chờ');
    await doctor.keyboard.press('F5');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status')).toBe('in-progress');
    await expectText(doctor.getByTestId('patient-name'), 'Nguyễn Thị Đào');
    await expectTextContaining(doctor.getByTestId('patient-bhyt'), 'DN4010123456789');

    // An implausible pulse is refused with its range; nothing is recorded.
    await doctor.locator('#vital-pulse').focus();
    await doctor.keyboard.type('400');
    await doctor.keyboard.press('Enter');
    await expectText(
      doctor.getByTestId('error-vital-pulse'),
      'Mạch 400 lần/phút không hợp lý: phải từ 20 đến 300 lần/phút.',
    );
    await expectText(doctor.getByTestId('vitals-recorded'), 'Chưa đo lần nào trong lượt khám này.');
    await doctor.locator('#vital-pulse').fill('');
    await doctor.keyboard.type('112');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('150');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('95');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('38,6');
    await doctor.locator('#vital-weightKg').focus();
    await doctor.keyboard.type('52');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('155');
    await expectText(doctor.getByTestId('bmi'), '21.6 kg/m²');
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('vitals-recorded'), 'Đo lúc');
    // Saved, and an abnormal pulse and temperature are flagged.
    await expectText(doctor.getByTestId('flag-vital-pulse'), 'Cao');
    await expectText(doctor.getByTestId('flag-vital-temperature'), 'Cao');
    await expect.poll(() => doctor.getByTestId('error-vital-pulse').count()).toBe(0);

    await doctor.locator('#notes-reason').focus();
    await doctor.keyboard.type('Sốt, ho 3 ngày');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('Ho có đờm, không khó thở');
    await doctor.keyboard.press('Control+s');
    await expect.poll(() => doctor.getByTestId('notes-state').getAttribute('data-state')).toBe('saved');

    // ICD-10 by words typed without diacritics, picked with the arrows and Enter.
    await pickIcd(doctor, 'viem phoi', 'J18.9');
    await expectTextContaining(doctor.getByTestId('diagnosis-list'), 'Bệnh chính');
    // A male-only code for a woman is refused in Vietnamese.
    await doctor.keyboard.type('N40');
    await expectTextContaining(doctor.getByTestId('icd-options'), 'N40');
    await doctor.keyboard.press('Enter');
    await expectText(doctor.getByTestId('diagnosis-problems'), 'N40: mã này không dùng cho bệnh nhân nữ.');
    expect(await doctor.getByTestId('diagnosis').count()).toBe(1);

    const followUp = new Date();
    followUp.setDate(followUp.getDate() + 7);
    await doctor.locator('#conclusion-disposition').focus();
    await doctor.locator('#conclusion-disposition').selectOption('follow-up');
    await doctor.locator('#conclusion-follow-up').focus();
    await doctor.keyboard.type(formatDisplayDate(localIsoDate(new Date())));
    await doctor.keyboard.press('Enter');
    await expectText(doctor.getByTestId('conclusion-problems'), 'Ngày tái khám phải sau hôm nay.');
    await doctor.locator('#conclusion-follow-up').fill('');
    await doctor.keyboard.type(formatDisplayDate(localIsoDate(followUp)));
    await doctor.locator('#conclusion-advice').focus();
    await doctor.keyboard.type('Uống thuốc đúng giờ');
    await doctor.locator('#conclusion-follow-up').press('Enter');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status')).toBe('finished');
    await expectTextContaining(doctor.getByTestId('finished-at'), 'Đã kết thúc khám lúc');
    // Read only now.
    expect(await doctor.locator('#icd-search').count()).toBe(0);
    expect(await doctor.locator('#vital-pulse').isDisabled()).toBe(true);

    await doctor.goto(`${facility.clientUrl()}/#/queue`);
    await expectText(doctor.getByTestId('queue-row').first().locator('td').nth(3), 'Đã khám xong');
  });
});
