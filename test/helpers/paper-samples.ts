import type { DischargePaperSource } from '../../renderer/printing/discharge-paper';
import type { FacilityIdentity } from '../../renderer/printing/paper-parts';
import type { ReferralPaperData } from '../../shared/referral/referral-paper';

/** The demo facility as a device knows it after enrollment. */
export const SAMPLE_FACILITY: FacilityIdentity = {
  code: '10010',
  name: 'Trung tâm Y tế khu vực Bát Xát (demo)',
  provinceCode: '15',
};

/**
 * A discharge after five days on the internal medicine ward, shaped like the inpatient feature's
 * DischargePaperData: sample data for the discharge paper until the stays land.
 */
export function sampleDischargeSource(): DischargePaperSource {
  return {
    patient: {
      patientCode: '10010-000123',
      fullName: 'Hoàng Văn Thắng',
      dateOfBirth: '1956-07-21',
      sex: 'male',
      bhyt: 'HT3150123456789',
      episodeKey: '10010.0193a6b2-0000-7000-8000-00000000d15c',
      address: 'Thôn Trung Đô, Xã Bát Xát, Tỉnh Lào Cai',
    },
    stay: {
      admittedAt: '2026-11-28T02:15:00.000Z',
      dischargedAt: '2026-12-02T03:30:00.000Z',
      days: 5,
      department: { code: 'K03', name: 'Khoa Nội tổng hợp' },
    },
    admittingDiagnoses: [{ code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true }],
    dischargeDiagnoses: [
      { code: 'I10', name: 'Bệnh lý tăng huyết áp vô căn (nguyên phát)', primary: false },
      { code: 'J18.1', name: 'Viêm phổi thuỳ, không đặc hiệu', primary: true },
    ],
    treatment: 'Kháng sinh Ceftriaxon tiêm tĩnh mạch 5 ngày, hạ sốt, bù dịch',
    condition: 'improved',
    followUpDate: '2026-12-09',
    followUp: 'khám lại tại Khoa Khám bệnh, chụp lại X-quang ngực',
    advice: 'Uống đủ nước, giữ ấm, tránh khói thuốc lá',
    signer: { displayName: 'BS. Lê Minh Đức', signedAt: '2026-12-02T03:30:00.000Z' },
  };
}

/** A referral of a child with suspected appendicitis to the provincial hospital. */
export function sampleReferralData(): ReferralPaperData {
  return {
    from: SAMPLE_FACILITY,
    to: { code: '15001', name: 'Bệnh viện Đa khoa tỉnh Lào Cai', provinceCode: '15' },
    patient: {
      fullName: 'Giàng Thị Dợ',
      dateOfBirth: '2022-05-10',
      sex: 'female',
      cccd: '',
      bhyt: 'TE1150987654321',
      phone: '0912345678',
      address: 'Bản Pho, Xã Y Tý, Tỉnh Lào Cai',
    },
    diagnoses: [{ code: 'K35.8', name: 'Viêm ruột thừa cấp, khác và không đặc hiệu', primary: true }],
    findings: 'Đau bụng hố chậu phải, sốt 38,5 °C, phản ứng thành bụng',
    results: [],
    testsDone: 'Công thức máu: bạch cầu 15 G/L; siêu âm: ruột thừa đường kính 8 mm',
    treatmentGiven: 'Truyền dịch Ringer lactat, hạ sốt Paracetamol',
    conditionAtTransfer: 'Tỉnh, mạch 120 lần/phút, nhiệt độ 38 °C',
    reason: 'Vượt quá khả năng chuyên môn: cần phẫu thuật nhi',
    transport: 'Xe cứu thương',
    accompanyingStaff: 'Điều dưỡng Lò Thị Mai',
    issuedAt: '2026-12-03T02:00:00.000Z',
    chronic: false,
    signer: { staffId: '0193a6b2-0000-7000-8000-000000000002', displayName: 'BS. Phạm Thu Hường' },
  };
}
