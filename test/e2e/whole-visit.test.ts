import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectText, expectTextContaining } from '../helpers/browser';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { pickIcd } from '../helpers/visit-page';

const GLUCOSE = 'SEN-XN-024';
const POLL = { timeout: 20_000 };

/**
 * A whole outpatient visit on three PCs of one facility (reception, the exam room, the lab), each
 * a browser profile of its own: every clinical step is taken with the province server down, and
 * reaches the next PC once it is back.
 */
describe('a whole visit across reception, the exam room and the lab, each step offline', () => {
  const facility = facilityInBrowsers();
  const openClient = (username: string): Promise<Page> => facility.openPc(username);

  const unsent = (page: Page): Promise<string | null> => page.getByTestId('sync-unsent').getAttribute('data-count');

  /** The province server goes down; every open PC notices. */
  async function serverDown(...open: Page[]): Promise<void> {
    await facility.server().stop();
    for (const page of open) {
      await expect.poll(() => page.getByTestId('sync-connection').textContent(), POLL).toContain('Mất kết nối');
    }
  }

  /** It comes back, and what `writer` did offline reaches it. */
  async function serverUp(writer: Page): Promise<void> {
    await facility.server().restart();
    await expect.poll(() => unsent(writer), POLL).toBe('0');
  }

  async function stored(collection: string): Promise<Record<string, unknown>[]> {
    const rows = await facility
      .server()
      .database.query<{ body: Record<string, unknown> }>(
        `SELECT body FROM sync_documents WHERE collection = $1 AND NOT deleted`,
        [collection],
      );
    return rows.map((row) => row.body);
  }

  it('queued, measured, diagnosed, tested, prescribed and concluded, then all on the server', async () => {
    // Reception: a patient registered, sent to the examination room with the server down.
    const reception = await openClient('tiepdon');
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
    // The rooms come from the province's catalog: here once it has synced down.
    await reception.locator('#queue-room option[value="KKB"]').waitFor({ state: 'attached', timeout: 20_000 });
    await serverDown(reception);
    await reception.locator('#queue-room').selectOption('KKB');
    await reception.locator('#queue-room').press('Enter');
    await expectText(reception.getByTestId('queue-result'), 'Đã gửi vào Khoa Khám bệnh: số thứ tự 1.');
    await serverUp(reception);

    // The exam room: the doctor calls her in while the server is up…
    const doctor = await openClient('bacsi');
    await doctor.goto(`${facility.clientUrl()}/#/queue`);
    await doctor.locator('#queue-room-select option[value="KKB"]').waitFor({ state: 'attached', timeout: 20_000 });
    await doctor.locator('#queue-room-select').selectOption('KKB');
    await expectTextContaining(doctor.getByTestId('queue'), 'Lò Thị Mai');
    await doctor.keyboard.press('F5');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status'), POLL).toBe('in-progress');
    // …with the catalogs on this PC (ICD-10, lab tests, drugs), which the rest needs offline.
    await doctor.locator('#icd-search').fill('tang huyet ap');
    await expectTextContaining(doctor.getByTestId('icd-options'), 'I10');
    await doctor.locator('#icd-search').fill('');
    await doctor.locator('#orders-test-search').fill('glucose mau');
    await expectTextContaining(doctor.locator('#orders-test-results'), GLUCOSE);
    await doctor.locator('#orders-test-search').fill('');
    await doctor.locator('#drug-search').fill('paracetamol');
    await expectTextContaining(doctor.getByTestId('drug-results'), 'Paracetamol');
    await doctor.locator('#drug-search').fill('');

    await serverDown(reception, doctor);
    // Vital signs.
    await doctor.locator('#vital-pulse').focus();
    await doctor.keyboard.type('88');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('165');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('100');
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('vitals-recorded'), 'Đo lúc');
    await expectText(doctor.getByTestId('flag-vital-systolic'), 'Cao');
    // Diagnosis, by words without diacritics.
    await pickIcd(doctor, 'tang huyet ap', 'I10');
    // A blood glucose test for the lab.
    await doctor.locator('#orders-test-search').focus();
    await doctor.keyboard.type('glucose mau');
    await expectTextContaining(doctor.locator('#orders-test-results'), GLUCOSE);
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('chosen-tests'), 'Glucose máu');
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('visit-order-list'), 'Glucose máu');
    await serverUp(doctor);

    // The lab: the order is on its worklist; the result goes in with the server down.
    const lab = await openClient('xetnghiem');
    await lab.goto(`${facility.clientUrl()}/#/lab`);
    await expectTextContaining(lab.getByTestId('worklist'), 'Lò Thị Mai');
    await serverDown(lab, doctor);
    await lab.getByTestId('worklist-order').first().focus();
    await lab.keyboard.press('Enter');
    await expectTextContaining(lab.getByTestId('worklist-patient'), 'Lò Thị Mai');
    await lab.locator(`#result-${GLUCOSE}`).focus();
    await lab.keyboard.type('9,8');
    await expectTextContaining(lab.getByTestId('flag-preview'), 'Cao');
    await lab.keyboard.press('Enter');
    await expectTextContaining(lab.getByTestId('worklist-notice'), 'Đã');
    await serverUp(lab);

    // The doctor sees the result arrive, then prescribes and concludes with the server down.
    await expectTextContaining(doctor.getByTestId('result-value'), '9,8');
    await serverDown(doctor);
    await doctor.locator('#drug-search').focus();
    await doctor.keyboard.type('paracetamol');
    await expectTextContaining(doctor.getByTestId('drug-results'), 'Paracetamol');
    await doctor.keyboard.press('Enter');
    // The dose line's first field has focus: 1 tablet, 3 times a day, 5 days.
    await doctor.keyboard.type('1');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('3');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('5');
    await expectTextContaining(doctor.getByTestId('line-quantity'), '15');
    await doctor.keyboard.press('Control+Enter');
    await expectTextContaining(doctor.getByTestId('prescription-saved'), '10010');
    // The saved line says what a dose is counted in.
    await expectTextContaining(doctor.getByTestId('visit-prescriptions'), 'Mỗi lần 1 Viên, ngày 3 lần, trong 5 ngày');
    await doctor.locator('#conclusion-disposition').selectOption('home');
    await doctor.locator('#conclusion-advice').focus();
    await doctor.keyboard.type('Ăn nhạt, đo huyết áp hằng ngày');
    await doctor.getByTestId('finish-visit').focus();
    await doctor.keyboard.press('Enter');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status'), POLL).toBe('finished');
    await serverUp(doctor);

    // The province holds the whole visit, once each.
    const [encounter, ...otherEncounters] = await stored('encounters');
    expect(otherEncounters).toHaveLength(0);
    expect(encounter).toMatchObject({ status: 'finished', disposition: 'home' });
    expect((encounter?.['diagnoses'] as { code: string }[]).map((d) => d.code)).toEqual(['I10']);
    const orders = await stored('orders');
    expect(orders.map((order) => [order['kind'], order['status']]).sort()).toEqual([
      ['lab', 'completed'],
      ['prescription', 'ordered'],
    ]);
    const observations = await stored('observations');
    expect(observations.map((observation) => observation['kind']).sort()).toEqual(['lab-result', 'vital-signs']);
    const result = observations.find((observation) => observation['kind'] === 'lab-result');
    expect(result?.['lab']).toMatchObject({ testCode: GLUCOSE, numericValue: 9.8, flag: 'high' });
  });
});
