import { carriedResultLine } from '../../shared/referral/carried-results';
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
  /** The carried lab results, one line each with the day they were done, then the free text. */
  testsDone: string;
  treatmentGiven: string;
  conditionAtTransfer: string;
  reason: string;
  transport: string;
  accompanyingStaff: string;
  /** "dd/MM/yyyy" */
  validUntil: string;
  /** "Ký số bởi BS. … lúc 09:30 03/12/2026" once the referring doctor signed; '' before. */
  signature: string;
  footer: PaperFooter;
}

/** The tests-done field: each carried result with its day, then what the doctor typed. */
function testsDoneOnPaper(data: ReferralPaperData): string {
  const lines = data.results.map(
    (result) => `${carriedResultLine(result)} — ${formatDisplayDate(localDay(result.recordedAt))}`,
  );
  return [...lines, data.testsDone].filter((line) => line.trim() !== '').join('\n');
}

/** The signed-by line: "Ký số bởi BS. … lúc HH:mm dd/MM/yyyy" (device clock), or '' unsigned. */
function signatureOnPaper(signer: ReferralPaperData['signer']): string {
  if (!signer.signedAt) return '';
  const at = new Date(signer.signedAt);
  if (Number.isNaN(at.getTime())) return `Ký số bởi ${signer.displayName}`;
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return `Ký số bởi ${signer.displayName} lúc ${time} ${formatDisplayDate(localDay(signer.signedAt))}`;
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
    testsDone: testsDoneOnPaper(data),
    treatmentGiven: data.treatmentGiven,
    conditionAtTransfer: data.conditionAtTransfer,
    reason: data.reason,
    transport: data.transport,
    accompanyingStaff: data.accompanyingStaff,
    validUntil: formatDisplayDate(referralValidUntil(day, data.chronic)),
    signature: signatureOnPaper(data.signer),
    footer: paperFooter(facility, day, { role: 'Bác sĩ điều trị', name: data.signer.displayName }),
  };
}
