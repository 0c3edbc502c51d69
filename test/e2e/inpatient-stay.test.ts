import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import { expectText, expectTextContaining } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { pickIcd } from '../helpers/visit-page';
import { pdfText, printToPdfFile } from '../helpers/pdf-files';

const GLUCOSE = 'SEN-XN-024';
const POLL = { timeout: 20_000 };

/**
 * A stay from the exam room's "admit" to the discharge, by keyboard: reception queues the
 * patient, the doctor admits, the ward nurse's bed board follows through sync, and the day's note,
 * a lab order and a transfer are made with the province server down.
 */
describe('an inpatient stay, admission to discharge', () => {
  const facility = facilityInBrowsers();

  const unsent = (page: Page): Promise<string | null> => page.getByTestId('sync-unsent').getAttribute('data-count');

  async function stored(collection: string): Promise<Record<string, unknown>[]> {
    const rows = await facility
      .server()
      .database.query<{ body: Record<string, unknown> }>(
        `SELECT body FROM sync_documents WHERE collection = $1 AND NOT deleted`,
        [collection],
      );
    return rows.map((row) => row.body);
  }

  it('admits from the visit, shows the bed, takes notes, orders and a move offline, and discharges', async () => {
    const reception = await facility.openPc('tiepdon');
    await reception.keyboard.press('F2');
    await reception.locator('#field-familyName').fill('Hoàng');
    await reception.locator('#field-middleName').fill('Văn');
    await reception.locator('#field-givenName').fill('Sáng');
    await reception.locator('#field-dateOfBirth').fill('12/02/1959');
    await reception.locator('#field-sex').selectOption('male');
    await reception.locator('#field-provinceCode').selectOption('15');
    await reception.locator('#field-wardCode').selectOption('02647');
    await reception.locator('#field-ethnicityCode').selectOption('08');
    await reception.locator('#field-ethnicityCode').press('Enter');
    await expectText(reception.getByTestId('patient-name'), 'Hoàng Văn Sáng');
    await reception.getByTestId('send-to-room').focus();
    await reception.keyboard.press('Enter');
    await reception.locator('#queue-room option[value="KNOI"]').waitFor({ state: 'attached', timeout: 20_000 });
    await reception.locator('#queue-room').selectOption('KNOI');
    await reception.locator('#queue-room').press('Enter');
    await expectTextContaining(reception.getByTestId('queue-result'), 'Khoa Nội');

    // The exam room concludes "admit"; the way to the admission is in the conclusion.
    const doctor = await facility.openPc('bacsi');
    await doctor.goto(`${facility.clientUrl()}/#/queue`);
    await doctor.locator('#queue-room-select option[value="KNOI"]').waitFor({ state: 'attached', timeout: 20_000 });
    await doctor.locator('#queue-room-select').selectOption('KNOI');
    await expectTextContaining(doctor.getByTestId('queue'), 'Hoàng Văn Sáng');
    await doctor.keyboard.press('F5');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status'), POLL).toBe('in-progress');
    await pickIcd(doctor, 'viem phoi', 'J18.9');
    await expectTextContaining(doctor.getByTestId('diagnosis-list'), 'J18.9');
    await doctor.locator('#conclusion-disposition').selectOption('admit');
    await doctor.getByTestId('finish-visit').focus();
    await doctor.keyboard.press('Enter');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status'), POLL).toBe('finished');
    await doctor.getByTestId('admit-link').focus();
    await doctor.keyboard.press('Enter');

    // Prefilled from the visit: the medical ward, its first free bed, the visit's diagnosis.
    await expect.poll(() => doctor.locator('#admit-ward').inputValue(), POLL).toBe('KNOI');
    expect(await doctor.locator('#admit-bed').inputValue()).toBe('G01');
    await expectTextContaining(doctor.getByTestId('diagnosis-picker'), 'J18.9');
    await doctor.getByTestId('admit').focus();
    await doctor.keyboard.press('Enter');
    await expect.poll(() => doctor.getByTestId('StayPage').getAttribute('data-status'), POLL).toBe('in-progress');
    await expectTextContaining(doctor.getByTestId('current-bed'), 'Khoa Nội');
    const stayId = /#\/stays\/([0-9a-f-]{36})/.exec(doctor.url())?.[1] ?? '';
    expect(stayId).not.toBe('');

    // The ward nurse's board shows him in G01 through sync.
    const nurse = await facility.openPc('dieuduong');
    await nurse.goto(`${facility.clientUrl()}/#/wards`);
    await nurse.locator('#ward-choice option[value="KNOI"]').waitFor({ state: 'attached', timeout: 20_000 });
    await nurse.locator('#ward-choice').selectOption('KNOI');
    await expectTextContaining(nurse.getByTestId('bed-G01'), 'Hoàng Văn Sáng');
    await expectTextContaining(nurse.getByTestId('bed-G01'), '1 ngày');
    await expectTextContaining(nurse.getByTestId('beds-summary'), '1 giường có bệnh nhân');

    // The catalogs are on the doctor's PC; then the province server goes down.
    await doctor.locator('#orders-test-search').fill('glucose mau');
    await expectTextContaining(doctor.locator('#orders-test-results'), GLUCOSE);
    await doctor.locator('#orders-test-search').fill('');
    await facility.server().stop();
    await expect.poll(() => doctor.getByTestId('sync-connection').textContent(), POLL).toContain('Mất kết nối');

    // The day's progress note, saved with Ctrl+Enter.
    await doctor.locator('#progress-text').focus();
    await doctor.keyboard.type('Sốt 38,5 độ, ho đờm đục. Phổi phải ran nổ.');
    await doctor.locator('#progress-orders').fill('Ceftriaxon 1g x 2 lần/ngày');
    await doctor.locator('#progress-text').press('Control+Enter');
    await expectTextContaining(doctor.getByTestId('progress-list'), 'Sốt 38,5 độ');
    // A lab order during the stay, through the visit's order form.
    await doctor.locator('#orders-test-search').focus();
    await doctor.keyboard.type('glucose mau');
    await expectTextContaining(doctor.locator('#orders-test-results'), GLUCOSE);
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('chosen-tests'), 'Glucose máu');
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('visit-order-list'), 'Glucose máu');
    // A move to the surgical ward: its first free bed is proposed.
    await doctor.locator('#transfer-ward').selectOption('KNGOAI');
    expect(await doctor.locator('#transfer-bed').inputValue()).toBe('G01');
    await doctor.locator('#transfer-reason').fill('Hội chẩn ngoại khoa');
    await doctor.locator('#transfer-reason').press('Enter');
    await expectTextContaining(doctor.getByTestId('current-bed'), 'Khoa Ngoại');
    await expectTextContaining(doctor.getByTestId('moves'), 'Khoa Ngoại, giường G01');

    await facility.server().restart();
    await expect.poll(() => unsent(doctor), POLL).toBe('0');
    const notes = await stored('notes');
    expect(notes.map((note) => note['kind']).sort()).toEqual(['progress', 'transfer']);
    const [order] = await stored('orders');
    expect(order).toMatchObject({ kind: 'lab', encounterId: stayId });
    // The nurse's board follows the move: the medical ward's bed is free, the surgical one taken.
    await expectTextContaining(nurse.getByTestId('bed-G01'), 'Trống');

    await nurse.locator('#ward-choice').selectOption('KNGOAI');
    await expectTextContaining(nurse.getByTestId('bed-G01'), 'Hoàng Văn Sáng');

    // Discharge: the summary, confirmed, then the stay is read only.
    await doctor.locator('#discharge-treatment').fill('Kháng sinh tĩnh mạch 7 ngày, long đờm, hạ sốt');
    await doctor.locator('#discharge-condition').selectOption('improved');
    await doctor.locator('#discharge-follow-up').fill('Tái khám phòng khám Nội sau 1 tuần');
    await doctor.getByTestId('discharge-submit').focus();
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('confirm-discharge'), 'Xác nhận cho ra viện');
    await doctor.getByTestId('discharge-submit').focus();
    await doctor.keyboard.press('Enter');
    await expect.poll(() => doctor.getByTestId('StayPage').getAttribute('data-status'), POLL).toBe('finished');
    await expectTextContaining(doctor.getByTestId('stay-read-only'), 'chỉ xem');
    await expectTextContaining(doctor.getByTestId('discharge-summary'), 'Đỡ, giảm');
    expect(await doctor.locator('#progress-text').count()).toBe(0);
    expect(await doctor.locator('#transfer-ward').count()).toBe(0);
    await expect.poll(() => unsent(doctor), POLL).toBe('0');
    const [stay] = (await stored('encounters')).filter((encounter) => encounter['kind'] === 'inpatient');
    expect(stay).toMatchObject({ id: stayId, status: 'finished', disposition: 'home' });
    await expectTextContaining(nurse.getByTestId('bed-G01'), 'Trống');

    // The doctor signs the discharge summary with the password, then prints the discharge paper.
    await doctor.getByTestId('sign-discharge-summary').click();
    await expect.poll(() => doctor.evaluate(() => document.activeElement?.id), POLL).toBe('sign-password');
    await doctor.keyboard.type(DEMO_PASSWORD);
    await doctor.keyboard.press('Enter');
    await doctor.getByTestId('sign-dialog').waitFor({ state: 'detached' });
    await expectTextContaining(doctor.getByTestId('discharge-summary'), 'Đã ký');
    await expect
      .poll(
        async () => (await stored('notes')).find((note) => note['kind'] === 'discharge-summary')?.['signedBy'],
        POLL,
      )
      .toBe(DEMO_STAFF.doctor.id);
    // A mistake found after signing is corrected by a signed amendment; the old text stays readable.
    await doctor.getByTestId('amend-note').click();
    await expect.poll(() => doctor.evaluate(() => document.activeElement?.id), POLL).toBe('amend-reason');
    await doctor.keyboard.type('Ghi thiếu thuốc long đờm');
    await doctor.locator('#amend-treatment').fill('Kháng sinh tĩnh mạch 7 ngày, long đờm (acetylcystein), hạ sốt');
    await doctor.locator('#sign-password').fill(DEMO_PASSWORD);
    await doctor.locator('#sign-password').press('Enter');
    await doctor.getByTestId('sign-dialog').waitFor({ state: 'detached' });
    await expectTextContaining(doctor.getByTestId('note-amendment-reason'), 'Ghi thiếu thuốc long đờm');
    await expectTextContaining(doctor.getByTestId('superseded-note'), 'Kháng sinh tĩnh mạch 7 ngày, long đờm, hạ sốt');
    await doctor.getByTestId('print-discharge-paper').click();
    await doctor.getByTestId('print-preview').waitFor();
    const paper = await pdfText(await printToPdfFile(doctor, 'discharge-paper-from-stay'));
    for (const expected of [
      'GIẤY RA VIỆN',
      'Hoàng Văn Sáng',
      'J18.9',
      'Kháng sinh tĩnh mạch 7 ngày, long đờm (acetylcystein), hạ sốt',
      'Đỡ, giảm',
      DEMO_STAFF.doctor.displayName,
    ]) {
      expect(paper.toLocaleLowerCase('vi')).toContain(expected.toLocaleLowerCase('vi'));
    }
    await doctor.keyboard.press('Escape');
    await expect.poll(() => doctor.getByTestId('print-preview').count()).toBe(0);

    // The chart shows the stay with its dates.
    const patientId = String(stay?.['patientId']);
    await doctor.goto(`${facility.clientUrl()}/#/patients/${patientId}/chart`);
    await expectTextContaining(doctor.getByTestId('timeline-stay'), 'Nội trú');
  });
});
