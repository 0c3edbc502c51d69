import { formatDisplayDate } from '../../shared/text/dates';
import { formatDateTime } from '../app/format';
import { ageOnPaper } from './paper-age';
import { localDay } from './paper-dates';
import {
  diagnosesOnPaper,
  paperFacility,
  paperFooter,
  sexOnPaper,
  type FacilityIdentity,
  type PaperFacility,
  type PaperFooter,
  type PaperPatient,
} from './paper-parts';

export const DISCHARGE_CONDITION_WORDS = {
  recovered: 'Khỏi',
  improved: 'Đỡ, giảm',
  unchanged: 'Không thay đổi',
  worse: 'Nặng hơn',
  died: 'Tử vong',
} as const;

type Diagnosis = { code: string; name: string; primary: boolean };

/**
 * What the discharge paper prints from: the fields of `DischargePaperData`
 * (shared/clinical/discharge-paper.ts on the inpatient branch) this template uses, written out
 * here so printing builds before that branch lands; that type is assignable to this one.
 */
export interface DischargePaperSource {
  patient: {
    patientCode: string;
    fullName: string;
    dateOfBirth: string;
    sex: 'male' | 'female';
    bhyt: string;
    episodeKey: string;
    address: string;
  };
  stay: {
    admittedAt: string;
    dischargedAt: string;
    days: number;
    department: { code: string; name: string };
  };
  admittingDiagnoses: readonly Diagnosis[];
  dischargeDiagnoses: readonly Diagnosis[];
  treatment: string;
  condition: keyof typeof DISCHARGE_CONDITION_WORDS;
  followUpDate: string;
  followUp: string;
  advice: string;
  signer: { displayName: string; signedAt: string };
}

/** The discharge paper (giấy ra viện), ready to lay out. */
export interface DischargePaper {
  facility: PaperFacility;
  patient: PaperPatient;
  episodeKey: string;
  department: string;
  admittedAt: string;
  dischargedAt: string;
  /** "5 ngày" */
  daysInHospital: string;
  admittingDiagnoses: string;
  dischargeDiagnoses: string;
  treatment: string;
  condition: string;
  /** Follow-up and advice in one note, as the form's "Ghi chú". */
  notes: string[];
  footer: PaperFooter;
}

export function buildDischargePaper(source: DischargePaperSource, facilityIdentity: FacilityIdentity): DischargePaper {
  const day = localDay(source.signer.signedAt);
  const facility = paperFacility(facilityIdentity);
  const followUp = [
    source.followUpDate === '' ? '' : `Tái khám ngày ${formatDisplayDate(source.followUpDate)}`,
    source.followUp,
  ]
    .filter((part) => part.trim() !== '')
    .join(': ');
  return {
    facility,
    patient: {
      fullName: source.patient.fullName,
      patientCode: source.patient.patientCode,
      dateOfBirth: formatDisplayDate(source.patient.dateOfBirth),
      age: ageOnPaper(source.patient.dateOfBirth, localDay(source.stay.admittedAt)),
      sex: sexOnPaper(source.patient.sex),
      address: source.patient.address,
      bhyt: source.patient.bhyt,
    },
    episodeKey: source.patient.episodeKey,
    department: source.stay.department.name,
    admittedAt: formatDateTime(source.stay.admittedAt),
    dischargedAt: formatDateTime(source.stay.dischargedAt),
    daysInHospital: `${String(source.stay.days)} ngày`,
    admittingDiagnoses: diagnosesOnPaper(source.admittingDiagnoses),
    dischargeDiagnoses: diagnosesOnPaper(source.dischargeDiagnoses),
    treatment: source.treatment,
    condition: DISCHARGE_CONDITION_WORDS[source.condition],
    notes: [followUp, source.advice].filter((note) => note.trim() !== ''),
    footer: paperFooter(facility, day, { role: 'Bác sĩ điều trị', name: source.signer.displayName }),
  };
}
