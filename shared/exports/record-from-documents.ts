import type { EncounterDocument } from '../clinical/encounter-document';
import type { NoteDocument } from '../clinical/note-document';
import type { ObservationDocument } from '../clinical/observation-document';
import type { OrderDocument } from '../clinical/order-document';
import type { PatientDocument } from '../patient/patient-document';
import type { ReferralDocument } from '../referral/referral-document';
import type { ExportContext, PatientRecord } from './patient-record';

/** The synced collections whose documents name a patient and make up their record. */
export const RECORD_COLLECTIONS = ['encounters', 'orders', 'observations', 'notes', 'referrals'] as const;
export type RecordCollection = (typeof RECORD_COLLECTIONS)[number];

/** A synced document's body and the collection it belongs to, as either store reads it. */
export interface CollectionDocument {
  collection: string;
  body: unknown;
}

/**
 * A patient's record from their synced documents: the province reads them from
 * `sync_documents`, a PC from its RxDB collections; both hand them here, so the two exports are
 * made of the same record. Tombstones are the caller's to leave out; a document of any other
 * collection is ignored.
 */
export function patientRecordOf(patient: PatientDocument, documents: readonly CollectionDocument[]): PatientRecord {
  const of = <T>(collection: RecordCollection) =>
    documents.filter((document) => document.collection === collection).map((document) => document.body as T);
  return {
    patient,
    encounters: of<EncounterDocument>('encounters'),
    orders: of<OrderDocument>('orders'),
    observations: of<ObservationDocument>('observations'),
    notes: of<NoteDocument>('notes'),
    referrals: of<ReferralDocument>('referrals'),
  };
}

/**
 * An export's context from the facility, the lab tests' LOINC mapping (versions oldest first:
 * the later version of a code wins, the mapping in force) and the staff's names.
 */
export function exportContextOf(
  facility: ExportContext['facility'],
  labTests: readonly { code: string; loinc: string | null | undefined }[],
  staff: readonly { id: string; name: string | null | undefined }[],
): ExportContext {
  const loincByCode = new Map(labTests.map((test) => [test.code, test.loinc ?? '']));
  const names = new Map(staff.map((member) => [member.id, member.name ?? '']));
  return {
    facility,
    loincOf: (code) => loincByCode.get(code) ?? '',
    staffName: (id) => names.get(id) ?? '',
  };
}
