import { v7 as uuidv7 } from 'uuid';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { ReferralDocument } from '../../shared/referral/referral-document';

/** A referral of `patient` from its facility to `toFacilityCode`, as the sending doctor writes it. */
export function referralDocument(
  patient: PatientDocument,
  toFacilityCode: string,
  doctorId: string,
  overrides: Partial<ReferralDocument> = {},
): ReferralDocument {
  const now = new Date().toISOString();
  return {
    id: uuidv7(),
    fromFacilityCode: patient.facilityCode,
    toFacilityCode,
    patientId: patient.id,
    patient: {
      fullName: [patient.familyName, patient.middleName, patient.givenName].filter(Boolean).join(' '),
      dateOfBirth: patient.dateOfBirth,
      sex: patient.sex,
      cccd: patient.cccd,
      bhyt: patient.bhyt,
      phone: patient.phone,
      address: patient.address.street,
    },
    reason: 'Vượt quá khả năng chuyên môn',
    findings: 'Đau bụng hố chậu phải, sốt 38,5 °C',
    diagnoses: [{ code: 'K35.8', name: 'Viêm ruột thừa cấp, khác và không đặc hiệu', primary: true }],
    testsDone: 'Công thức máu: bạch cầu 15 G/L',
    treatmentGiven: 'Truyền dịch',
    conditionAtTransfer: 'Tỉnh, mạch 96 lần/phút',
    transport: 'Xe cứu thương',
    accompanyingStaff: 'Điều dưỡng Lò Thị Mai',
    senderStatus: 'sent',
    receiverStatus: 'pending',
    receiverPatientId: '',
    receiverNote: '',
    outcome: '',
    outcomeSummary: '',
    createdAt: now,
    updatedAt: now,
    createdBy: doctorId,
    updatedBy: doctorId,
    ...overrides,
  };
}
