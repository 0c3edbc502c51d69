import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { buildDischargePaper } from '../../renderer/printing/discharge-paper';
import { DischargePaperView } from '../../renderer/printing/DischargePaperView';
import { buildReferralPaper } from '../../renderer/printing/referral-paper';
import { ReferralPaperView } from '../../renderer/printing/ReferralPaperView';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { expectText, expectTextContaining } from '../helpers/browser';
import { CREATININE, finishedVisit, GLUCOSE, labOrder, labResult } from '../helpers/clinical-history';
import { facilityInBrowsers } from '../helpers/facility-in-browsers';
import { SAMPLE_FACILITY, sampleDischargeSource, sampleReferralData } from '../helpers/paper-samples';
import { paperPage } from '../helpers/paper-page';
import { patientDocument } from '../helpers/patient-documents';
import { pdfFonts, pdfPageCount, pdfText, printToPdfFile, firstPagePng } from '../helpers/pdf-files';
import { pushPatientHistory } from '../helpers/push-clinical-history';

const POLL = { timeout: 20_000 };
/** The facility, signer and national headings every paper carries. */
const HEADINGS = ['SỞ Y TẾ TỈNH LÀO CAI', 'CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/**
 * Printed papers as PDF, their text read back with poppler: the diacritics must survive from the
 * data through the embedded font into the PDF's text, where a pharmacist's scanner or a search
 * finds them. Prescriptions and result sheets come from the app; discharge and referral papers
 * from their templates with sample data (their screens are other features').
 */
describe('printed documents', () => {
  let patient: PatientDocument;
  let visit: EncounterDocument;
  const facility = facilityInBrowsers({
    // A patient in the exam room since this morning, with a blood glucose already measured by
    // the lab: pushed by the facility's other PCs, reaching the doctor's PC by sync.
    prepare: async (server) => {
      const otherPc = await server.enroll('phòng khám 2');
      const by = (staffId: string) => ({ facilityCode: DEMO_FACILITY_CODE, deviceId: otherPc.deviceId, staffId });
      const doctor = by(DEMO_STAFF.doctor.id);
      // Nguyễn Thị Đào, born 12/03/1990 (test/helpers/patient-forms.ts).
      patient = patientDocument(DEMO_FACILITY_CODE);
      const today = new Date().toISOString().slice(0, 10);
      visit = finishedVisit(patient.id, doctor, today, {
        status: 'in-progress',
        disposition: '',
        followUpDate: '',
        advice: '',
      });
      const order = labOrder(visit, doctor, [[GLUCOSE.code, GLUCOSE.name]]);
      const result = labResult(order, by(DEMO_STAFF.labTechnician.id), { ...GLUCOSE, value: 9.8 });
      // And a creatinine still waiting on the lab's worklist.
      const waiting = { ...labOrder(visit, doctor, [[CREATININE.code, CREATININE.name]]), status: 'ordered' as const };
      await pushPatientHistory(server.url, otherPc.token, patient, {
        encounters: [visit],
        orders: [order, waiting],
        observations: [result],
      });
    },
  });

  async function openVisit(): Promise<Page> {
    const doctor = await facility.openPc('bacsi');
    await doctor.goto(`${facility.clientUrl()}/#/visits/${visit.id}`);
    await expect.poll(() => doctor.getByTestId('VisitPage').getAttribute('data-status'), POLL).toBe('in-progress');
    return doctor;
  }

  /** Paracetamol 1 tablet 3 times a day for 5 days, prescribed by keyboard; its code. */
  async function prescribeParacetamol(doctor: Page): Promise<string> {
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
    await expectTextContaining(doctor.getByTestId('prescription-saved'), DEMO_FACILITY_CODE);
    const saved = (await doctor.getByTestId('prescription-saved').textContent()) ?? '';
    const code = /\b\d{5}[0-9A-Z]{7}[NHC]\b/.exec(saved)?.[0];
    if (code === undefined) throw new Error(`no prescription code in "${saved}"`);
    return code;
  }

  it('prints a prescription written in the visit, with the patient, drug, dose and code in Vietnamese', async () => {
    const doctor = await openVisit();
    // Printing asks the browser once per request, never by itself.
    await doctor.evaluate(() => {
      const counted = window as unknown as { printCalls: number };
      counted.printCalls = 0;
      window.print = () => {
        counted.printCalls += 1;
      };
    });
    const printCalls = (): Promise<number> =>
      doctor.evaluate(() => (window as unknown as { printCalls: number }).printCalls);
    const code = await prescribeParacetamol(doctor);

    await doctor.getByTestId('print-prescription').first().click();
    await expectTextContaining(doctor.getByTestId('paper-code'), code);
    expect(await doctor.locator('.paper-barcode').getAttribute('aria-label')).toBe(code);
    await expectTextContaining(doctor.getByTestId('signer-name'), DEMO_STAFF.doctor.displayName);
    expect(await printCalls()).toBe(0);
    // The app underneath is out of the keyboard's reach while the paper is shown.
    expect(await doctor.evaluate(() => document.getElementById('root')?.inert)).toBe(true);
    // The print button has focus: Enter prints.
    await expect
      .poll(() => doctor.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('print-now');
    await doctor.keyboard.press('Enter');
    await expect.poll(printCalls).toBe(1);

    const path = await printToPdfFile(doctor, 'prescription');
    const text = await pdfText(path);
    for (const heading of HEADINGS) expect(text).toContain(heading);
    expect(text).toContain('ĐƠN THUỐC');
    expect(text).toContain(`Mã đơn thuốc: ${code}`);
    expect(text).toContain('Trung tâm Y tế khu vực Bát Xát');
    expect(text).toContain('Nguyễn Thị Đào');
    expect(text).toContain('36 tuổi');
    expect(text).toContain('Giới tính: Nữ');
    expect(text).toContain('DN4010123456789');
    expect(text).toContain('Bệnh lý tăng huyết áp');
    expect(text).toContain('Paracetamol');
    expect(text).toContain('15 Viên');
    expect(text).toContain('Mỗi lần 1 Viên, ngày 3 lần, trong 5 ngày');
    expect(text).toContain('Cộng khoản: 1');
    expect(text).toContain('BÁC SĨ KHÁM BỆNH');
    expect(text).toContain(DEMO_STAFF.doctor.displayName);
    expect(text).not.toContain('ĐÃ HUỶ');
    // An A5 page, one of them, in the embedded font.
    expect(await pdfPageCount(path)).toBe(1);
    expect(await pdfFonts(path)).toMatch(/Noto.*yes/i);
    await firstPagePng(path);

    // Esc closes the print view and leaves the doctor in the visit.
    await doctor.keyboard.press('Escape');
    await expect.poll(() => doctor.getByTestId('print-preview').count()).toBe(0);
    expect(await doctor.getByTestId('VisitPage').count()).toBe(1);
    expect(await doctor.evaluate(() => document.getElementById('root')?.inert)).toBe(false);

    // Cancelled, it still prints, marked so that no pharmacy dispenses it.
    doctor.once('dialog', (dialog) => void dialog.accept());
    await doctor.getByRole('button', { name: 'Hủy đơn' }).click();
    await expectText(doctor.getByTestId('prescription-status'), 'Đã hủy');
    await doctor.getByTestId('print-prescription').first().click();
    await expectTextContaining(doctor.getByTestId('paper-void'), 'ĐÃ HUỶ');
    const cancelled = await pdfText(await printToPdfFile(doctor, 'prescription-cancelled'));
    expect(cancelled).toContain('ĐÃ HUỶ – ĐƠN KHÔNG CÒN GIÁ TRỊ');
    expect(cancelled).toContain(code);
    expect(await printCalls()).toBe(1);
  });

  it('prints the lab result sheet of an order from the visit', async () => {
    const doctor = await openVisit();
    await doctor.getByTestId('result-value').filter({ hasText: '9.8' }).waitFor(POLL);
    await doctor.getByTestId('print-lab-results').click();
    await expectTextContaining(doctor.getByTestId('signer-name'), DEMO_STAFF.labTechnician.displayName);
    const path = await printToPdfFile(doctor, 'lab-result-sheet');
    const text = await pdfText(path);
    for (const heading of HEADINGS) expect(text).toContain(heading);
    expect(text).toContain('PHIẾU KẾT QUẢ XÉT NGHIỆM');
    expect(text).toContain('Nguyễn Thị Đào');
    expect(text).toContain('Glucose máu');
    expect(text).toMatch(/9\.8 mmol\/L 3\.9 – 6\.4 Cao/);
    expect(text).toContain('Số chỉ số bất thường: 1');
    expect(text).toContain('KỸ THUẬT VIÊN XÉT NGHIỆM');
    expect(text).toContain(DEMO_STAFF.labTechnician.displayName);
    expect(text).toContain(`Bác sĩ chỉ định: ${DEMO_STAFF.doctor.displayName}`);
    expect(await pdfPageCount(path)).toBe(1);
  });

  it('prints the result sheet of an order the lab has just completed on its worklist', async () => {
    const lab = await facility.openPc('xetnghiem');
    await lab.goto(`${facility.clientUrl()}/#/lab`);
    await expectTextContaining(lab.getByTestId('worklist'), 'Nguyễn Thị Đào');
    await lab.getByTestId('worklist-order').first().focus();
    await lab.keyboard.press('Enter');
    await lab.locator(`#result-${CREATININE.code}`).focus();
    await lab.keyboard.type('80');
    await lab.keyboard.press('Enter');
    await expectTextContaining(lab.getByTestId('worklist-notice'), 'Đã');
    await lab.getByTestId('print-lab-results').click();
    await expectTextContaining(lab.getByTestId('signer-name'), DEMO_STAFF.labTechnician.displayName);
    const text = await pdfText(await printToPdfFile(lab, 'lab-result-sheet-worklist'));
    expect(text).toContain('PHIẾU KẾT QUẢ XÉT NGHIỆM');
    expect(text).toContain('Nguyễn Thị Đào');
    // The catalog's range for a woman of her age, as the lab saw it when entering the value.
    expect(text).toMatch(/Creatinin máu 80 µmol\/L 53 – 100/);
    expect(text).toContain('Số chỉ số bất thường: 0');
    expect(text).toContain(DEMO_STAFF.labTechnician.displayName);
  });

  it('prints a discharge paper and a referral paper from their templates', async () => {
    const page = await facility.openPc('bacsi');
    // A blank page: the app's content security policy would refuse the inlined font.
    await page.goto('about:blank');

    await page.setContent(
      paperPage(DischargePaperView, { paper: buildDischargePaper(sampleDischargeSource(), SAMPLE_FACILITY) }, 'A4', 15),
    );
    const discharge = await pdfText(await printToPdfFile(page, 'discharge-paper'));
    for (const heading of HEADINGS) expect(discharge).toContain(heading);
    expect(discharge).toContain('GIẤY RA VIỆN');
    expect(discharge).toContain('Hoàng Văn Thắng');
    expect(discharge).toContain('Khoa Nội tổng hợp');
    expect(discharge).toContain('J18.1 – Viêm phổi thuỳ, không đặc hiệu');
    expect(discharge).toContain('Tình trạng ra viện: Đỡ, giảm');
    expect(discharge).toContain('Tái khám ngày 09/12/2026');
    expect(discharge).toContain('Lào Cai, ngày 02 tháng 12 năm 2026');
    expect(discharge).toContain('BS. Lê Minh Đức');

    await page.setContent(paperPage(ReferralPaperView, { paper: buildReferralPaper(sampleReferralData()) }, 'A4', 15));
    const referralPath = await printToPdfFile(page, 'referral-paper');
    const referral = await pdfText(referralPath);
    expect(referral).toContain('GIẤY CHUYỂN TUYẾN');
    expect(referral).toContain('Kính gửi: Bệnh viện Đa khoa tỉnh Lào Cai');
    expect(referral).toContain('Giàng Thị Dợ');
    expect(referral).toContain('54 tháng tuổi');
    expect(referral).toContain('Viêm ruột thừa cấp');
    expect(referral).toContain('Lý do chuyển tuyến: Vượt quá khả năng chuyên môn');
    expect(referral).toContain('Điều dưỡng Lò Thị Mai');
    expect(referral).toContain('có giá trị đến hết ngày 16/12/2026');
    expect(await pdfFonts(referralPath)).toMatch(/Noto.*yes/i);
  });
});
