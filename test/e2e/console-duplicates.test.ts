import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACILITY } from '../../server/demo/demo-facility';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { newPatientCode } from '../../shared/identifiers/patient-code';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { buildPatientFromForm, type RegistrationForm } from '../../shared/patient/registration-form';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { adminSession } from '../helpers/admin-accounts';
import { expectText, expectTextContaining, launchChromium, screenshotOnFailure } from '../helpers/browser';
import { validRegistrationForm } from '../helpers/patient-forms';
import { addFacility } from '../helpers/second-facility';
import { demoSigner, signedRows } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { TestServer } from '../helpers/test-server';

const SCREENSHOTS = process.env.SEN_SCREENSHOTS;

const ADMIN_PASSWORD = 'quan-tri-tinh-2026';
const HOSPITAL = '15001';

/**
 * The console's Bệnh nhân trùng page against the real server: two facilities' PCs have pushed
 * the same woman (same CCCD) and two namesakes; a province admin sees each pair side by side
 * with the rule, merges one after a confirmation naming both records and the primary code, and
 * dismisses the other. Nothing is deleted.
 */
describe('the duplicate patients page of the console', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  const pushed = async (
    token: string,
    signer: DocumentSigner,
    facilityCode: string,
    form: Partial<RegistrationForm>,
  ): Promise<PatientDocument> => {
    const built = buildPatientFromForm(validRegistrationForm(form), {
      id: uuidv7(),
      patientCode: newPatientCode(facilityCode, (length) => randomBytes(length)),
      facilityCode,
      deviceId: 'test-device',
      userId: signer.signer,
      now: new Date().toISOString(),
    });
    if (!built.ok) throw new Error(`invalid patient: ${JSON.stringify(built.problems)}`);
    const answer = await syncRequest(server.url, token, 'patients', 'push', {
      body: await signedRows('patients', [{ ...built.patient }], signer),
    });
    expect(answer).toEqual({ status: 200, body: [] });
    return built.patient;
  };

  let dao: { district: PatientDocument; hospital: PatientDocument };

  beforeAll(async () => {
    browser = await launchChromium();
    server = await TestServer.start();
    await adminSession(server.url, 'quantri', 'province-admin', ADMIN_PASSWORD);
    const hospital = await addFacility(server, HOSPITAL, 'Bệnh viện Đa khoa tỉnh (demo)');
    const district = (await server.enroll('tiếp đón')).token;
    const registrar = await demoSigner(DEMO_STAFF.registrar.id);
    const woman = { cccd: '001190012345', bhyt: '', phone: '' };
    const namesake = { givenName: 'Mai', dateOfBirth: '01/01/1980', cccd: '', bhyt: '', phone: '' };
    dao = {
      district: await pushed(district, registrar, DEMO_FACILITY.code, woman),
      hospital: await pushed(hospital.token, hospital.doctor, HOSPITAL, woman),
    };
    await pushed(district, registrar, DEMO_FACILITY.code, namesake);
    await pushed(hospital.token, hospital.doctor, HOSPITAL, namesake);

    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    page = await context.newPage();
  });
  afterAll(async () => {
    await page.context().close();
    await browser.close();
    await server.close();
  });

  const documents = () =>
    server.database.query(
      'SELECT collection, id, deleted, md5(body::text) FROM sync_documents ORDER BY collection, id',
    );

  it('shows the pairs side by side, merges one after a confirmation and dismisses the other', async () => {
    screenshotOnFailure(() => [page], 'console-duplicates');
    const before = await documents();
    await page.goto(`${server.url}/console/`);
    await page.locator('#sign-in-username').fill('quantri');
    await page.locator('#sign-in-password').fill(ADMIN_PASSWORD);
    await page.locator('#sign-in-password').press('Enter');
    await expectTextContaining(page.getByTestId('current-admin'), 'Quản trị quantri');
    await page.getByRole('link', { name: 'Bệnh nhân trùng' }).click();

    const pairs = page.getByTestId('duplicate-pair');
    await expect.poll(() => pairs.count(), { timeout: 20_000 }).toBe(2);
    const sameCccd = pairs.filter({ hasText: 'Trùng CCCD' });
    await expectTextContaining(sameCccd.getByTestId('pair-rules'), 'Trùng họ tên, ngày sinh và xã/phường');
    await expectText(sameCccd.getByTestId('first-cccd'), '001190012345');
    await expectText(sameCccd.getByTestId('second-cccd'), '001190012345');
    await expectText(sameCccd.getByTestId('first-fullName'), 'Nguyễn Thị Đào');
    await expectText(sameCccd.getByTestId('first-dateOfBirth'), '12/03/1990');
    // The page fits a 1366-wide screen: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    // The README's picture of the page (SEN_SCREENSHOTS=docs/screenshots).
    if (SCREENSHOTS) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'console-duplicates.png') });
    }

    // Merge keeping record A: the confirmation names both records and which code stays primary.
    const firstCode = ((await sameCccd.getByTestId('first-patientCode').textContent()) ?? '').trim();
    const secondCode = ((await sameCccd.getByTestId('second-patientCode').textContent()) ?? '').trim();
    await sameCccd.getByTestId('keep-first').click();
    const panel = page.getByTestId('decision-panel');
    await expectTextContaining(
      panel.getByTestId('decision-text'),
      `Mã ${firstCode} là mã chính; mã ${secondCode} trở thành bí danh`,
    );
    await expectTextContaining(panel.getByTestId('decision-text'), 'Bệnh viện Đa khoa tỉnh (demo)');
    // Escape cancels; nothing is merged.
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    await sameCccd.getByTestId('keep-first').click();
    // The confirm button has the focus: Enter confirms.
    await page.keyboard.press('Enter');
    await expectTextContaining(page.getByTestId('duplicates-notice'), `Đã gộp: ${firstCode} là mã chính, 2 hồ sơ`);
    await expect.poll(() => pairs.count()).toBe(1);

    const members = await server.database.query<{ patient_id: string }>(
      'SELECT patient_id FROM patient_person_members ORDER BY patient_id',
    );
    expect(members.map((member) => member.patient_id)).toEqual([dao.district.id, dao.hospital.id].sort());

    // The namesakes are two women: dismissed, after a confirmation.
    await pairs.first().getByTestId('dismiss-pair').click();
    await expectTextContaining(panel.getByTestId('decision-text'), 'sẽ không được đề xuất lại');
    await panel.getByTestId('confirm-decision').click();
    await expectText(page.getByTestId('duplicates-notice'), 'Đã ghi nhận hai hồ sơ là hai người khác nhau.');
    await page.getByTestId('duplicates-empty').waitFor();

    // Reloaded, the page still has nothing to propose; and not one record changed or went.
    await page.reload();
    await page.getByTestId('duplicates-empty').waitFor();
    expect(await documents()).toEqual(before);
  });
});
