import type { EncounterDocument } from '../clinical/encounter-document';
import type { NoteDocument } from '../clinical/note-document';
import type { ObservationDocument } from '../clinical/observation-document';
import type { OrderDocument } from '../clinical/order-document';
import type { PatientDocument } from '../patient/patient-document';
import type { ReferralDocument } from '../referral/referral-document';

/**
 * Everything Sen holds about one patient, as the exports read it: the same documents on a PC
 * (RxDB) and at the province (sync_documents), so one pure function serves both.
 */
export interface PatientRecord {
  patient: PatientDocument;
  encounters: readonly EncounterDocument[];
  orders: readonly OrderDocument[];
  observations: readonly ObservationDocument[];
  notes: readonly NoteDocument[];
  referrals: readonly ReferralDocument[];
}

/** What an export needs besides the record: the facility that sends it and catalog look-ups. */
export interface ExportContext {
  facility: { code: string; name: string };
  /** The LOINC code the lab catalog maps a test code to, '' when it maps none. */
  loincOf: (labTestCode: string) => string;
  /** A staff member's display name ('' when unknown): printed beside their id on papers. */
  staffName: (staffId: string) => string;
}

/** The documents that are in force: an amendment (`supersedes`) replaces the version it names. */
export function inForce<T extends { id: string; supersedes?: string | undefined }>(documents: readonly T[]): T[] {
  const replaced = new Set(documents.map((document) => document.supersedes).filter(Boolean));
  return documents.filter((document) => !replaced.has(document.id));
}

/** The encounter's documents, in force and not cancelled, in the order they were written. */
export function episodeDocuments(record: PatientRecord, encounter: EncounterDocument) {
  const orders = inForce(record.orders.filter((order) => order.encounterId === encounter.id)).filter(
    (order) => order.status !== 'cancelled',
  );
  const observations = record.observations.filter((observation) => observation.encounterId === encounter.id);
  const notes = inForce(record.notes.filter((note) => note.encounterId === encounter.id));
  return {
    orders: [...orders].sort((a, b) => a.orderedAt.localeCompare(b.orderedAt)),
    observations: [...observations].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)),
    notes: [...notes].sort((a, b) => a.writtenAt.localeCompare(b.writtenAt)),
  };
}
