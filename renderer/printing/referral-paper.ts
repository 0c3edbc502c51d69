import { referralValidUntil, type ReferralPaperData } from '../../shared/referral/referral-paper';
import { formatDisplayDate } from '../../shared/text/dates';
import { ageOnPaper } from './paper-age';
import { localDay } from './paper-dates';
import {
  diagnosesOnPaper,
  paperFacility,
  paperFooter,
  sexOnPaper,
  type PaperFacility,
  type PaperFooter,
  type PaperPatient,
} from './paper-parts';

/** The referral paper (giấy chuyển tuyến), ready to lay out. */
export interface ReferralPaper {
  facility: PaperFacility;
  /** "Trung tâm Y tế … (mã 10010)" */
  to: string;
  patient: PaperPatient;
  cccd: string;
  diagnoses: string;
  findings: string;
  testsDone: string;
  treatmentGiven: string;
  conditionAtTransfer: string;
  reason: string;
  transport: string;
  accompanyingStaff: string;
  /** "dd/MM/yyyy" */
  validUntil: string;
  footer: PaperFooter;
}

export function buildReferralPaper(data: ReferralPaperData): ReferralPaper {
  const day = localDay(data.issuedAt);
  const facility = paperFacility(data.from);
  return {
    facility,
    to: `${data.to.name} (mã ${data.to.code})`,
    patient: {
      fullName: data.patient.fullName,
      patientCode: '',
      dateOfBirth: formatDisplayDate(data.patient.dateOfBirth),
      age: ageOnPaper(data.patient.dateOfBirth, day),
      sex: sexOnPaper(data.patient.sex),
      address: data.patient.address,
      bhyt: data.patient.bhyt,
    },
    cccd: data.patient.cccd,
    diagnoses: diagnosesOnPaper(data.diagnoses),
    findings: data.findings,
    testsDone: data.testsDone,
    treatmentGiven: data.treatmentGiven,
    conditionAtTransfer: data.conditionAtTransfer,
    reason: data.reason,
    transport: data.transport,
    accompanyingStaff: data.accompanyingStaff,
    validUntil: formatDisplayDate(referralValidUntil(day, data.chronic)),
    footer: paperFooter(facility, day, { role: 'Bác sĩ điều trị', name: data.signer.displayName }),
  };
}
