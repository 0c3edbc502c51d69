import type { CarriedResult } from '../../shared/referral/referral-document';
import { describe, expect, it } from 'vitest';
import {
  AMLODIPIN,
  GLUCOSE,
  CREATININE,
  finishedVisit,
  labOrder,
  labResult,
  prescription,
} from '../../test/helpers/clinical-history';
import { SAMPLE_FACILITY, sampleDischargeSource, sampleReferralData } from '../../test/helpers/paper-samples';
import { patientDocument } from '../../test/helpers/patient-documents';
import { buildDischargePaper } from './discharge-paper';
import { buildLabResultSheet, PENDING_RESULT } from './lab-result-sheet';
import { buildPrescriptionPaper, usageOnPaper } from './prescription-paper';
import { buildReferralPaper } from './referral-paper';

const doctor = { facilityCode: '10010', deviceId: 'pc-1', staffId: 'doctor-1' };
const technician = { ...doctor, staffId: 'lab-1' };
// Nguyễn Thị Đào, born 12/03/1990 in Phường Lào Cai (test/helpers/patient-forms.ts).
const patient = patientDocument('10010');
const visit = finishedVisit(patient.id, doctor, '2026-12-03', {
  diagnoses: [
    { code: 'E11', name: 'Bệnh đái tháo đường không phụ thuộc insuline', primary: false },
    { code: 'I10', name: 'Bệnh lý tăng huyết áp vô căn (nguyên phát)', primary: true },
  ],
  followUpDate: '2027-01-02',
});
const SYRUP = {
  ...AMLODIPIN,
  code: 'SEN-T-0009',
  name: 'Ibuprofen 100mg/5ml',
  activeIngredient: 'Ibuprofen',
  strength: '100mg/5ml',
  unit: 'Chai',
  dosePerTime: 2.5,
  doseUnit: 'ml',
  timesPerDay: 3,
  days: 5,
  quantity: 1,
  instructions: '',
};

describe('the prescription paper', () => {
  const order = prescription(visit, doctor, [AMLODIPIN, SYRUP], { status: 'ordered' });
  const paper = buildPrescriptionPaper({
    order,
    patient,
    encounter: visit,
    facility: SAMPLE_FACILITY,
    doctorName: 'BS. An',
  });

  it('names the facility, the code, the patient with age, sex, address and card, the diagnoses', () => {
    expect(paper.facility.authority).toBe('SỞ Y TẾ TỈNH LÀO CAI');
    expect(paper.code).toBe(order.prescriptionCode);
    expect(paper.patient).toMatchObject({
      fullName: 'Nguyễn Thị Đào',
      age: '36 tuổi',
      sex: 'Nữ',
      bhyt: 'DN4010123456789',
      dateOfBirth: '12/03/1990',
    });
    expect(paper.patient.address).toContain('Số 5, đường Hoàng Liên');
    expect(paper.diagnoses).toBe(
      'I10 – Bệnh lý tăng huyết áp vô căn (nguyên phát); E11 – Bệnh đái tháo đường không phụ thuộc insuline',
    );
  });

  it('lists each drug with its quantity and how to take it, and counts the items', () => {
    expect(paper.lines).toEqual([
      {
        number: 1,
        drug: 'Amlodipin (Amlodipin 5mg)',
        quantity: '30 Viên',
        usage: 'Uống. Mỗi lần 1 Viên, ngày 1 lần, trong 30 ngày. Uống buổi sáng',
      },
      {
        number: 2,
        // A name that already says the ingredient and strength is not repeated.
        drug: 'Ibuprofen 100mg/5ml',
        quantity: '1 Chai',
        usage: 'Uống. Mỗi lần 2,5 ml, ngày 3 lần, trong 5 ngày',
      },
    ]);
    expect(paper.itemCount).toBe(2);
  });

  it('carries the advice, the follow-up day, the doctor and the date line', () => {
    expect(paper.advice).toBe(visit.advice);
    expect(paper.followUpDate).toBe('02/01/2027');
    expect(paper.footer).toEqual({
      placeAndDate: 'Lào Cai, ngày 03 tháng 12 năm 2026',
      signer: { role: 'Bác sĩ khám bệnh', name: 'BS. An' },
    });
    expect(paper.cancelled).toBe(false);
  });

  it('marks a cancelled prescription', () => {
    const cancelled = buildPrescriptionPaper({
      order: { ...order, status: 'cancelled' },
      patient,
      encounter: visit,
      facility: SAMPLE_FACILITY,
      doctorName: '',
    });
    expect(cancelled.cancelled).toBe(true);
  });

  it('leaves out the parts of a usage that are empty', () => {
    expect(usageOnPaper({ ...SYRUP, route: '' })).toBe('Mỗi lần 2,5 ml, ngày 3 lần, trong 5 ngày');
  });
});

describe('the lab result sheet', () => {
  const order = labOrder(visit, doctor, [
    [GLUCOSE.code, GLUCOSE.name],
    [CREATININE.code, CREATININE.name],
    ['SEN-XN-030', 'HbA1c'],
  ]);
  const glucose = labResult(order, technician, { ...GLUCOSE, value: 9.8 });
  const creatinine = labResult(order, technician, { ...CREATININE, value: 80 });
  const sheet = buildLabResultSheet({
    order,
    results: [creatinine, glucose],
    patient,
    encounter: visit,
    facility: SAMPLE_FACILITY,
    doctorName: 'BS. An',
    technicianName: 'KTV. Bình',
  });

  it('lists the tests in the order they were ordered, with value, unit, range and flag', () => {
    expect(sheet.rows).toEqual([
      {
        number: 1,
        test: 'Glucose máu',
        value: '9.8',
        unit: 'mmol/L',
        reference: '3.9 – 6.4',
        flag: 'Cao',
        abnormal: true,
      },
      {
        number: 2,
        test: 'Creatinin máu',
        value: '80',
        unit: 'µmol/L',
        reference: '62 – 120',
        flag: '',
        abnormal: false,
      },
      { number: 3, test: 'HbA1c', value: PENDING_RESULT, unit: '', reference: '', flag: '', abnormal: false },
    ]);
  });

  it('counts abnormal and pending results, and is signed by the technician', () => {
    expect(sheet.abnormalCount).toBe(1);
    expect(sheet.pendingCount).toBe(1);
    expect(sheet.orderingDoctor).toBe('BS. An');
    expect(sheet.footer.signer).toEqual({ role: 'Kỹ thuật viên xét nghiệm', name: 'KTV. Bình' });
    expect(sheet.footer.placeAndDate).toBe('Lào Cai, ngày 03 tháng 12 năm 2026');
  });
});

describe('the discharge paper', () => {
  const paper = buildDischargePaper(sampleDischargeSource(), SAMPLE_FACILITY);

  it('prints the stay, the diagnoses primary first, the condition in words', () => {
    expect(paper.patient).toMatchObject({ fullName: 'Hoàng Văn Thắng', age: '70 tuổi', sex: 'Nam' });
    expect(paper.department).toBe('Khoa Nội tổng hợp');
    expect(paper.daysInHospital).toBe('5 ngày');
    expect(paper.dischargeDiagnoses).toBe(
      'J18.1 – Viêm phổi thuỳ, không đặc hiệu; I10 – Bệnh lý tăng huyết áp vô căn (nguyên phát)',
    );
    expect(paper.condition).toBe('Đỡ, giảm');
  });

  it('joins the follow-up day and what to do then, and keeps the advice', () => {
    expect(paper.notes).toEqual([
      'Tái khám ngày 09/12/2026: khám lại tại Khoa Khám bệnh, chụp lại X-quang ngực',
      'Uống đủ nước, giữ ấm, tránh khói thuốc lá',
    ]);
    expect(paper.footer).toEqual({
      placeAndDate: 'Lào Cai, ngày 02 tháng 12 năm 2026',
      signer: { role: 'Bác sĩ điều trị', name: 'BS. Lê Minh Đức' },
    });
  });
});

describe('the referral paper', () => {
  const paper = buildReferralPaper(sampleReferralData());

  it('addresses the receiving facility and gives a young child her age in months', () => {
    expect(paper.to).toBe('Bệnh viện Đa khoa tỉnh Lào Cai (mã 15001)');
    expect(paper.patient).toMatchObject({ fullName: 'Giàng Thị Dợ', age: '54 tháng tuổi', sex: 'Nữ' });
    expect(paper.diagnoses).toBe('K35.8 – Viêm ruột thừa cấp, khác và không đặc hiệu');
  });

  it('is valid ten working days from the day it was written', () => {
    expect(paper.validUntil).toBe('16/12/2026');
    expect(paper.footer.placeAndDate).toBe('Lào Cai, ngày 03 tháng 12 năm 2026');
  });
  it('lists the lab results it carries, oldest first with their day, before the typed text, and says who signed', () => {
    const result: CarriedResult = {
      testCode: 'SEN-XN-024',
      testName: 'Glucose máu',
      value: '9.1',
      numericValue: 9.1,
      unit: 'mmol/L',
      referenceLow: 3.9,
      referenceHigh: 6.4,
      referenceText: '',
      flag: 'high',
      observationId: 'o2',
      recordedAt: '2026-12-03T02:00:00.000Z',
      facilityCode: '10010',
    };
    const earlier: CarriedResult = {
      ...result,
      testName: 'Bạch cầu',
      value: '7.2',
      unit: 'G/L',
      flag: 'normal',
      referenceLow: null,
      referenceHigh: null,
      observationId: 'o1',
      recordedAt: '2026-12-02T02:00:00.000Z',
    };
    const signed = buildReferralPaper({
      ...sampleReferralData(),
      results: [earlier, result],
      signer: { staffId: 's', displayName: 'BS. Phạm Thu Hường', signedAt: '2026-12-03T02:30:00.000Z' },
    });
    expect(signed.testsDone.split('\n')).toEqual([
      'Bạch cầu: 7.2 G/L — 02/12/2026',
      'Glucose máu: 9.1 mmol/L (cao; tham chiếu 3.9–6.4) — 03/12/2026',
      'Công thức máu: bạch cầu 15 G/L; siêu âm: ruột thừa đường kính 8 mm',
    ]);
    expect(signed.signature).toMatch(/^Ký số bởi BS\. Phạm Thu Hường lúc \d\d:30 03\/12\/2026$/);
    expect(paper.signature).toBe('');
  });
});
