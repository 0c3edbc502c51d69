import type { CatalogEntryOf } from '../catalog/catalog-entry';
import { addressLine } from '../patient/patient-address';
import type { PatientDocument } from '../patient/patient-document';
import type { Diagnosis } from './common-fields';
import type { EncounterDocument } from './encounter-document';
import type { DischargeCondition, NoteDocument } from './note-document';

/**
 * What a discharge paper (giấy ra viện) prints, as plain data: the printing feature builds its
 * template on this shape and nothing else, so the record and the paper can change apart.
 * Dates are ISO (yyyy-MM-dd) or device times as stored; the template formats them.
 */
export interface DischargePaperData {
  facility: { code: string; name: string };
  patient: {
    id: string;
    patientCode: string;
    /** Family, middle and given name as on the ID card. */
    fullName: string;
    dateOfBirth: string;
    sex: PatientDocument['sex'];
    cccd: string;
    bhyt: string;
    /** The insurance episode key (MA_LK) of the stay. */
    episodeKey: string;
    /** Street, ward and province as one line. */
    address: string;
  };
  stay: {
    id: string;
    admittedAt: string;
    dischargedAt: string;
    /** Days in hospital as counted for the paper (see daysInHospital). */
    days: number;
    /** Department code and its catalog name when the paper is made. */
    department: { code: string; name: string };
  };
  admittingDiagnoses: Diagnosis[];
  /** The primary diagnosis first. */
  dischargeDiagnoses: Diagnosis[];
  treatment: string;
  condition: DischargeCondition;
  followUpDate: string;
  followUp: string;
  advice: string;
  /** The doctor who wrote the discharge summary (the paper's signer) and when. */
  signer: { staffId: string; displayName: string; signedAt: string };
  /** The discharge summary note the paper prints (a `notes` document; signing works on it). */
  summaryNoteId: string;
}

export type DepartmentEntry = Pick<CatalogEntryOf<'department'>, 'code' | 'name'>;

/**
 * Days in hospital as Vietnamese insurance counts them: discharge day minus admission day, plus
 * one; the same day counts as one day.
 */
export function daysInHospital(admittedOn: string, dischargedOn: string): number {
  const day = (iso: string): number =>
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.max(1, Math.round((day(dischargedOn) - day(admittedOn)) / 86_400_000) + 1);
}

/**
 * The discharge paper's data from the stay, its discharge summary, the patient and the facility.
 * `department` is the department the patient leaves from (the stay's current one); `signerName`
 * the display name of the summary's author. Throws when the stay or note is not what a paper
 * prints from: a caller shows the paper only for a discharged stay.
 */
export function dischargePaperData(
  stay: EncounterDocument,
  summary: NoteDocument,
  patient: PatientDocument,
  facility: { code: string; name: string },
  department: DepartmentEntry,
  signerName: string,
): DischargePaperData {
  const admission = stay.stay;
  const discharge = summary.discharge;
  if (stay.kind !== 'inpatient' || !admission) throw new Error('a discharge paper is made from an inpatient stay');
  if (summary.kind !== 'discharge-summary' || !discharge || summary.encounterId !== stay.id)
    throw new Error("a discharge paper is made from the stay's discharge summary");
  const fullName = [patient.familyName, patient.middleName, patient.givenName].filter((part) => part !== '').join(' ');
  return {
    facility: { code: facility.code, name: facility.name },
    patient: {
      id: patient.id,
      patientCode: patient.patientCode,
      fullName,
      dateOfBirth: patient.dateOfBirth,
      sex: patient.sex,
      cccd: patient.cccd,
      bhyt: patient.bhyt,
      episodeKey: stay.episodeKey,
      address: addressLine(patient),
    },
    stay: {
      id: stay.id,
      admittedAt: admission.admittedAt,
      dischargedAt: discharge.dischargedAt,
      days: daysInHospital(stay.queueDate, summary.noteDate),
      department: { code: department.code, name: department.name },
    },
    admittingDiagnoses: admission.admittingDiagnoses,
    dischargeDiagnoses: [...discharge.diagnoses].sort((a, b) => Number(b.primary) - Number(a.primary)),
    treatment: discharge.treatment,
    condition: discharge.condition,
    followUpDate: discharge.followUpDate,
    followUp: discharge.followUp,
    advice: discharge.advice,
    signer: { staffId: summary.createdBy, displayName: signerName, signedAt: summary.writtenAt },
    summaryNoteId: summary.id,
  };
}
