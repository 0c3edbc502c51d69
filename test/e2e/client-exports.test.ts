import { readFile } from 'node:fs/promises';
import type { Bundle } from '@medplum/fhirtypes';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { fromBase64 } from '../../shared/encoding/base64';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { patientSearchKeys } from '../../shared/patient/patient-search-keys';
import { expectText, expectTextContaining } from '../helpers/browser';
import { finishedVisit } from '../helpers/clinical-history';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { fhirErrors } from '../helpers/fhir-validator';
import { patientDocument } from '../helpers/patient-documents';
import { pushPatientHistory } from '../helpers/push-clinical-history';
import { xmllintProblems } from '../helpers/xmllint';

const POLL = { timeout: 30_000 };

/** The files inside a GIAMDINHHS envelope (base64 in NOIDUNGFILE), by their LOAIHOSO. */
function filesIn(envelope: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const match of envelope.matchAll(/<LOAIHOSO>([^<]*)<\/LOAIHOSO>\s*<NOIDUNGFILE>([^<]*)<\/NOIDUNGFILE>/g))
    files.set(match[1] ?? '', new TextDecoder().decode(fromBase64(match[2] ?? '')));
  return files;
}

/** Clicks `testId` and reads the file the page downloads. */
async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
}

describe('exports made on the facility’s PCs', () => {
  let insured: PatientDocument;
  let uninsured: PatientDocument;
  let uninsuredVisit: EncounterDocument;
  const facility = facilityInBrowsers({
    // One patient registered with a card (the visit is done on screen); another seen earlier
    // today on another PC without one, whose claim cannot be made.
    prepare: async (server) => {
      const otherPc = await server.enroll('phòng khám 2');
      const withKeys = (patient: PatientDocument) => ({ ...patient, ...patientSearchKeys(patient) });
      insured = withKeys(
        patientDocument(DEMO_FACILITY_CODE, {
          familyName: 'Nguyễn',
          middleName: 'Thị Ánh',
          givenName: 'Tuyết',
          cccd: '001190012345',
          bhyt: 'DN4010012345678',
        }),
      );
      uninsured = withKeys(
        patientDocument(DEMO_FACILITY_CODE, { familyName: 'Lò', middleName: 'Văn', givenName: 'Ơn', bhyt: '' }),
      );
      const now = new Date().toISOString();
      uninsuredVisit = finishedVisit(
        uninsured.id,
        { facilityCode: DEMO_FACILITY_CODE, deviceId: otherPc.deviceId, staffId: DEMO_STAFF.doctor.id },
        now.slice(0, 10),
        { queuedAt: now, calledAt: now, finishedAt: now, disposition: 'home', followUpDate: '' },
      );
      await pushPatientHistory(server.url, otherPc.token, insured, { encounters: [], orders: [], observations: [] });
      await pushPatientHistory(server.url, otherPc.token, uninsured, {
        encounters: [uninsuredVisit],
        orders: [],
        observations: [],
      });
    },
  });

  it('a finished visit’s claim offline, an incomplete one refused, the day’s file and a FHIR export by the facility admin', async () => {
    // The doctor examines the insured patient: a diagnosis, a prescription, the visit finished.
    const doctor = await facility.openPc('bacsi');
    await doctor.locator('#patient-search').fill(insured.patientCode);
    await expectTextContaining(doctor.getByTestId('patient-results'), displayPatientCode(insured.patientCode));
    await doctor.locator('#patient-search').press('Enter');
    await doctor.getByTestId('send-to-room').click();
    await doctor.locator('#queue-room option[value="KKB"]').waitFor({ state: 'attached', timeout: 20_000 });
    await doctor.locator('#queue-room').selectOption('KKB');
    await doctor.locator('#queue-room').press('Enter');
    await expectTextContaining(doctor.getByTestId('queue-result'), 'số thứ tự');
    await doctor.goto(`${facility.clientUrl()}/#/queue`);
    await doctor.locator('#queue-room-select option[value="KKB"]').waitFor({ state: 'attached', timeout: 20_000 });
    await doctor.locator('#queue-room-select').selectOption('KKB');
    await expectTextContaining(doctor.getByTestId('queue'), 'Nguyễn Thị Ánh Tuyết');
    await doctor.keyboard.press('F5');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status'), POLL).toBe('in-progress');
    const visitId = /#\/visits\/([0-9a-f-]{36})$/.exec(doctor.url())?.[1] ?? '';
    expect(visitId).not.toBe('');
    await doctor.locator('#icd-search').focus();
    await doctor.keyboard.type('tang huyet ap');
    await expectTextContaining(doctor.getByTestId('icd-options'), 'I10');
    const options = await doctor.locator('#icd-options [role="option"]').allTextContents();
    for (let step = 0; step < options.findIndex((text) => text.startsWith('I10')); step += 1)
      await doctor.keyboard.press('ArrowDown');
    await doctor.keyboard.press('Enter');
    await expectTextContaining(doctor.getByTestId('diagnosis-list'), 'I10');
    await doctor.locator('#drug-search').focus();
    await doctor.keyboard.type('paracetamol');
    await expectTextContaining(doctor.getByTestId('drug-results'), 'Paracetamol');
    await doctor.keyboard.press('Enter');
    await doctor.keyboard.type('1');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('3');
    await doctor.keyboard.press('Tab');
    await doctor.keyboard.type('5');
    await expectTextContaining(doctor.getByTestId('line-quantity'), '15');
    await doctor.keyboard.press('Control+Enter');
    await doctor.getByTestId('prescription-saved').waitFor();
    await doctor.locator('#conclusion-disposition').selectOption('home');
    await doctor.getByTestId('finish-visit').focus();
    await doctor.keyboard.press('Enter');
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status'), POLL).toBe('finished');

    // The claim is made on the PC with the province unreachable.
    await facility.server().stop();
    await expect.poll(() => doctor.getByTestId('sync-connection').textContent(), POLL).toContain('Mất kết nối');
    const claim = await downloaded(doctor, 'export-claim');
    const episodeKey = `${DEMO_FACILITY_CODE}.${visitId}`;
    expect(claim.name).toBe(`XML130_${DEMO_FACILITY_CODE}_${episodeKey.replace('.', '_')}.xml`);
    expect(await xmllintProblems(claim.text, 'GIAMDINHHS')).toBe('');
    const tables = filesIn(claim.text);
    expect([...tables.keys()]).toEqual(['XML1', 'XML2']);
    for (const [type, xml] of tables) expect(await xmllintProblems(xml, type)).toBe('');
    const xml1 = tables.get('XML1') ?? '';
    expect(xml1).toContain(`<MA_LK>${episodeKey}</MA_LK>`);
    expect(xml1).toContain('<HO_TEN>Nguyễn Thị Ánh Tuyết</HO_TEN>');
    expect(xml1).toContain('<SO_CCCD>001190012345</SO_CCCD>');
    expect(xml1).toContain('<MA_BENH_CHINH>I10</MA_BENH_CHINH>');
    expect(tables.get('XML2')).toContain(`<MA_LK>${episodeKey}</MA_LK>`);
    await expectTextContaining(doctor.getByTestId('claim-saved'), episodeKey);
    // Exported again: the same MA_LK.
    expect(filesIn((await downloaded(doctor, 'export-claim')).text).get('XML1')).toContain(
      `<MA_LK>${episodeKey}</MA_LK>`,
    );

    // The uninsured patient's visit: refused whole, with what to complete and where.
    await doctor.goto(`${facility.clientUrl()}/#/visits/${uninsuredVisit.id}`);
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status'), POLL).toBe('finished');
    let downloads = 0;
    doctor.on('download', () => (downloads += 1));
    await doctor.getByTestId('export-claim').click();
    await expectTextContaining(doctor.getByTestId('claim-refused'), 'Chưa xuất được XML BHYT');
    await expectTextContaining(doctor.getByTestId('claim-refused'), 'Chưa có mã thẻ BHYT của người bệnh.');
    expect(await doctor.getByTestId('claim-refused').getByRole('link').getAttribute('href')).toBe(
      `#/patients/${uninsured.id}/edit`,
    );
    expect(downloads).toBe(0);
    await facility.server().restart();
    await expect.poll(() => doctor.getByTestId('sync-unsent').getAttribute('data-count'), POLL).toBe('0');

    // The facility admin, on another PC: the day's claims, then one patient's record as FHIR.
    const admin = await facility.openPc('admin');
    await admin.goto(`${facility.clientUrl()}/#/exports`);
    await expect
      .poll(async () => {
        await admin.getByTestId('claims-day').press('Enter');
        return admin
          .getByTestId('claims-count')
          .textContent({ timeout: 2_000 })
          .catch(() => '');
      }, POLL)
      .toContain('1 hồ sơ sẵn sàng, 1 hồ sơ còn thiếu');
    await expectTextContaining(admin.getByTestId('claims-episodes'), 'Chưa có mã thẻ BHYT của người bệnh.');
    const day = await downloaded(admin, 'export-day');
    expect(await xmllintProblems(day.text, 'GIAMDINHHS')).toBe('');
    expect(day.text).toContain('<SOLUONGHOSO>1</SOLUONGHOSO>');
    expect(filesIn(day.text).get('XML1')).toContain(`<MA_LK>${episodeKey}</MA_LK>`);
    await expectText(admin.getByTestId('day-saved'), `Đã xuất tệp ${day.name} gồm 1 hồ sơ.`);

    await admin.getByTestId('record-search').fill(insured.patientCode);
    await admin.getByTestId('record-search').press('Enter');
    await admin.getByTestId('record-search-results').getByRole('button').first().click();
    await expectTextContaining(admin.getByTestId('record-chosen'), 'Nguyễn Thị Ánh Tuyết');
    const fhir = await downloaded(admin, 'export-fhir');
    const bundle = JSON.parse(fhir.text) as Bundle;
    expect(await fhirErrors(bundle)).toEqual([]);
    const resources = (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []));
    expect(resources.map((resource) => resource.resourceType)).toEqual(
      expect.arrayContaining(['Patient', 'Encounter', 'Condition', 'MedicationRequest']),
    );
    for (const resource of resources) expect(await fhirErrors(resource)).toEqual([]);
    await expectTextContaining(admin.getByTestId('record-saved'), fhir.name);
    // The export is a read of the whole record in the PC's audit trail, which reaches the province.
    await expect
      .poll(
        async () =>
          facility
            .server()
            .database.query<{ username: string }>(
              `SELECT username FROM audit_entries WHERE action = 'chart-open' AND patient_id = $1 AND username = 'admin'`,
              [insured.id],
            ),
        POLL,
      )
      .toHaveLength(1);
  });
});
