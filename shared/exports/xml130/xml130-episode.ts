import type { Diagnosis } from '../../clinical/common-fields';
import type { EncounterDocument } from '../../clinical/encounter-document';
import type { DischargePart, NoteDocument } from '../../clinical/note-document';
import { stayLocation } from '../../clinical/stay-location';
import type { ObservationDocument } from '../../clinical/observation-document';
import type { OrderDocument } from '../../clinical/order-document';
import type { PatientDocument } from '../../patient/patient-document';
import type { ReferralDocument } from '../../referral/referral-document';
import { episodeDocuments, type PatientRecord } from '../patient-record';

/** One closed episode (a visit or a stay) with what its claim tables are made of. */
export interface Episode {
  patient: PatientDocument;
  encounter: EncounterDocument;
  isStay: boolean;
  /** The stay's discharge (the discharge summary in force); null for a visit or an open stay. */
  discharge: (DischargePart & { noteId: string; signedBy: string; writtenBy: string }) | null;
  /** The diagnoses the claim states: the discharge's for a stay, the visit's otherwise. */
  diagnoses: readonly Diagnosis[];
  admittedAt: string;
  endedAt: string;
  /** The department the patient leaves from (after the stay's transfers). */
  departmentCode: string;
  orders: readonly OrderDocument[];
  observations: readonly ObservationDocument[];
  progressNotes: readonly NoteDocument[];
  referral: ReferralDocument | null;
}

const primaryFirst = (diagnoses: readonly Diagnosis[]): Diagnosis[] =>
  [...diagnoses].sort((a, b) => Number(b.primary) - Number(a.primary));

function dischargeOf(notes: readonly NoteDocument[]): Episode['discharge'] {
  const summaries = notes.filter((note) => note.kind === 'discharge-summary' && note.discharge !== null);
  const latest = summaries.at(-1);
  if (!latest?.discharge) return null;
  return { ...latest.discharge, noteId: latest.id, signedBy: latest.signedBy ?? '', writtenBy: latest.createdBy };
}

/**
 * The referral sent for this episode: from this facility, not withdrawn, written between the
 * episode's start and the end of the day after it (a paper is often finished once the visit is closed).
 */
function referralOf(record: PatientRecord, encounter: EncounterDocument, startedAt: string, endedAt: string) {
  const start = Date.parse(startedAt);
  const end = Date.parse(endedAt || startedAt) + 24 * 60 * 60 * 1000;
  const sent = record.referrals.filter(
    (referral) =>
      referral.fromFacilityCode === encounter.facilityCode &&
      referral.patientId === encounter.patientId &&
      referral.senderStatus === 'sent' &&
      Date.parse(referral.createdAt) >= start - 60_000 &&
      Date.parse(referral.createdAt) <= end,
  );
  return [...sent].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1) ?? null;
}

export function episodeOf(record: PatientRecord, encounter: EncounterDocument): Episode {
  const { orders, observations, notes } = episodeDocuments(record, encounter);
  const isStay = encounter.kind === 'inpatient' && encounter.stay !== undefined;
  const discharge = isStay ? dischargeOf(notes) : null;
  const admittedAt = encounter.stay?.admittedAt ?? encounter.queuedAt;
  const endedAt = discharge?.dischargedAt || encounter.finishedAt;
  const transfers = notes.flatMap((note) => (note.transfer ? [{ id: note.id, transfer: note.transfer }] : []));
  const departmentCode = encounter.stay
    ? stayLocation(encounter.stay.location, transfers).current.departmentCode
    : encounter.departmentCode;
  return {
    patient: record.patient,
    encounter,
    isStay,
    discharge,
    diagnoses: primaryFirst(discharge ? discharge.diagnoses : encounter.diagnoses),
    admittedAt,
    endedAt,
    departmentCode,
    orders,
    observations,
    progressNotes: notes.filter((note) => note.kind === 'progress'),
    referral: encounter.disposition === 'refer' || isStay ? referralOf(record, encounter, admittedAt, endedAt) : null,
  };
}
