import { PATIENT_FACILITY_FIELDS, patientDocumentSchema, type PatientDocument } from '../patient/patient-document';
import { patientProblems } from '../patient/patient-problems';
import { patientSearchKeys } from '../patient/patient-search-keys';
import { REFERRAL_OPEN_FIELDS, referralDocumentSchema, type ReferralDocument } from '../referral/referral-document';
import { authorizeReferralWrite, referralOwnedFields, referralProblems } from '../referral/referral-rules';
import { authorizePatientWrite, authorizeStaffWrite } from '../staff/authorize-write';
import { staffDocumentSchema, type StaffDocument } from '../staff/staff-document';
import {
  authorizeEncounterWrite,
  authorizeNoteWrite,
  authorizeObservationWrite,
  authorizeOrderWrite,
} from '../clinical/clinical-authorization';
import { encounterProblems, observationProblems, orderProblems } from '../clinical/clinical-problems';
import { encounterDocumentSchema, type EncounterDocument } from '../clinical/encounter-document';
import { observationDocumentSchema, type ObservationDocument } from '../clinical/observation-document';
import { orderDocumentSchema, type OrderDocument } from '../clinical/order-document';
import { signedDocumentPolicy } from '../clinical/signed-document';
import { noteDocumentSchema, type NoteDocument } from '../clinical/note-document';
import { noteProblems } from '../clinical/note-problems';
import type { SyncedCollection } from './collection-registry';
import { catalogEntrySchema, type CatalogEntry } from '../catalog/catalog-entry';
import { conflictDocumentSchema, type ConflictDocument } from './conflict-document';
import { facilityScope, provinceScope } from './scopes';

/** What a facility's PCs may change in a patient: every field but the province's merge marks. */
const PATIENT_FACILITY_WRITES = [...PATIENT_FACILITY_FIELDS, '_deleted'] as const;

export type { SyncDirection, SyncedCollection, UniqueField } from './collection-registry';

const patients: SyncedCollection<PatientDocument> = {
  direction: 'both',
  schema: patientDocumentSchema,
  feed: 'facility',
  scopes: (patient) => [facilityScope(patient.facilityCode)],
  // A merge's marks (mergedInto, mergedAliases) are written by the province alone: a PC that
  // sets or clears one is refused, so a merged record cannot be split again from a PC.
  // The facility still deletes its own records (a registration made by mistake).
  ownedFields: () => PATIENT_FACILITY_WRITES,
  mergePolicy: { kind: 'field-merge' },
  problems: patientProblems,
  // `nameYearKey` is derived (rederive recomputes it) and absent from older PCs' versions: its
  // difference is never a conflict of its own.
  bookkeepingFields: ['updatedAt', 'updatedBy', 'nameYearKey'],
  rederive: (patient) => ({ ...patient, ...patientSearchKeys(patient) }),
  authorField: 'updatedBy',
  authorize: authorizePatientWrite,
  // Two offline PCs can register the same person; the second to reach the server is held.
  uniqueFields: [
    { field: 'cccd', problem: 'cccd-already-registered' },
    { field: 'patientCode', problem: 'patient-code-taken' },
  ],
  references: [],
  readPermission: 'patient.read',
};

const staff: SyncedCollection<StaffDocument> = {
  direction: 'both',
  schema: staffDocumentSchema,
  feed: 'facility',
  scopes: (account) => [facilityScope(account.facilityCode)],
  mergePolicy: { kind: 'field-merge' },
  problems: () => [],
  bookkeepingFields: ['updatedAt', 'updatedBy'],
  rederive: (account) => account,
  authorField: 'updatedBy',
  authorize: authorizeStaffWrite,
  uniqueFields: [{ field: 'username', problem: 'username-taken' }],
  references: [],
  // An account's values include its password verifier: only those who manage accounts.
  readPermission: 'staff.manage',
};

/**
 * Addressed to the sending and the receiving facility; each writes its own side. The referring
 * doctor signs the sender's part (decision 0006); the receiver's side and the withdrawal stay
 * open, so both sides still merge field by field after signing.
 */
const referrals: SyncedCollection<ReferralDocument> = {
  direction: 'both',
  schema: referralDocumentSchema,
  feed: 'facility',
  scopes: (referral) => [facilityScope(referral.fromFacilityCode), facilityScope(referral.toFacilityCode)],
  ownedFields: referralOwnedFields,
  mergePolicy: signedDocumentPolicy(REFERRAL_OPEN_FIELDS),
  problems: referralProblems,
  bookkeepingFields: ['updatedAt', 'updatedBy'],
  rederive: (referral) => referral,
  authorField: 'updatedBy',
  authorize: authorizeReferralWrite,
  uniqueFields: [],
  // The sender's patient must have reached the province before the referral naming them.
  references: [
    { field: 'patientId', collection: 'patients' },
    { field: 'receiverPatientId', collection: 'patients', optional: true },
  ],
  readPermission: 'clinical.read',
};

/** The facility's own clinical records: written at its PCs, merged field by field while open. */
function clinicalCollection<T extends { facilityCode: string; updatedBy: string }>(
  definition: Pick<SyncedCollection<T>, 'schema' | 'problems' | 'authorize' | 'references'> &
    Partial<Pick<SyncedCollection<T>, 'uniqueFields' | 'mergePolicy'>>,
): SyncedCollection<T> {
  return {
    direction: 'both',
    feed: 'facility',
    scopes: (document) => [facilityScope(document.facilityCode)],
    mergePolicy: { kind: 'field-merge' },
    bookkeepingFields: ['updatedAt', 'updatedBy'] as (keyof T & string)[],
    rederive: (document) => document,
    authorField: 'updatedBy',
    uniqueFields: [],
    readPermission: 'clinical.read',
    ...definition,
  };
}

/** Visits: the queue ticket, the examination, diagnoses and conclusion. */
const encounters = clinicalCollection<EncounterDocument>({
  schema: encounterDocumentSchema,
  mergePolicy: signedDocumentPolicy(),
  problems: encounterProblems,
  authorize: authorizeEncounterWrite,
  references: [{ field: 'patientId', collection: 'patients' }],
});

/** Lab and imaging orders and prescriptions, each made in a visit. */
const orders = clinicalCollection<OrderDocument>({
  schema: orderDocumentSchema,
  // A signed order is still handled (the lab, the pharmacist dispensing) or cancelled.
  mergePolicy: signedDocumentPolicy(['status', 'handledBy', 'completedAt']),
  // Codes are made collision-free per PC (shared/identifiers/prescription-code.ts); checked again.
  uniqueFields: [{ field: 'prescriptionCode', problem: 'prescription-code-taken' }],
  problems: orderProblems,
  authorize: authorizeOrderWrite,
  references: [
    { field: 'patientId', collection: 'patients' },
    { field: 'encounterId', collection: 'encounters' },
  ],
});

/** Vital signs, lab results (each answering an order) and allergies. */
const observations = clinicalCollection<ObservationDocument>({
  schema: observationDocumentSchema,
  problems: observationProblems,
  authorize: authorizeObservationWrite,
  references: [
    { field: 'patientId', collection: 'patients' },
    { field: 'encounterId', collection: 'encounters', optional: true },
    { field: 'orderId', collection: 'orders', optional: true, closedStatuses: ['cancelled'] },
  ],
});

/**
 * Progress notes, discharge summaries and transfers of inpatient stays, one document each
 * (docs/decisions/0005-inpatient-stays.md). A progress note or discharge summary is immutable
 * once its doctor signs it (decision 0006); nothing of a note stays open after signing.
 */
const notes = clinicalCollection<NoteDocument>({
  schema: noteDocumentSchema,
  mergePolicy: signedDocumentPolicy(),
  problems: noteProblems,
  authorize: authorizeNoteWrite,
  references: [
    { field: 'patientId', collection: 'patients' },
    { field: 'encounterId', collection: 'encounters' },
  ],
});

/**
 * The province's catalogs (ICD-10, lab tests, drugs, services, departments, facilities): written
 * only by the province's import, pulled by every device of the province. A version is never
 * changed; a new one is a new document.
 */
const catalog: SyncedCollection<CatalogEntry> = {
  direction: 'pull-only',
  schema: catalogEntrySchema,
  feed: 'province',
  scopes: (entry) => [provinceScope(entry.provinceCode)],
  mergePolicy: { kind: 'immutable-once-signed', isSigned: () => true },
  problems: () => [],
  bookkeepingFields: [],
  rederive: (entry) => entry,
  authorField: 'updatedBy',
  // Devices never push catalogs (pull-only); nobody at a facility may write one.
  authorize: () => 'not-permitted',
  uniqueFields: [],
  references: [],
  readPermission: 'patient.read',
};

/**
 * Values that lost a merge, for the facility whose edit lost: written by the server only, when
 * it merges, pulled by the facility's PCs, shown to the staff allowed to read the document they
 * come from (the client checks that document's collection's readPermission).
 */
const conflicts: SyncedCollection<ConflictDocument> = {
  direction: 'pull-only',
  schema: conflictDocumentSchema,
  feed: 'facility',
  scopes: (conflict) => [facilityScope(conflict.facilityCode)],
  mergePolicy: { kind: 'immutable-once-signed', isSigned: () => false },
  problems: () => [],
  bookkeepingFields: [],
  rederive: (conflict) => conflict,
  authorField: 'updatedBy',
  // Devices never push conflicts (pull-only): the server writes them.
  authorize: () => 'not-permitted',
  uniqueFields: [],
  references: [],
  readPermission: 'patient.read',
};

/** Every collection that syncs, by its name on the wire. */
export const SYNCED_COLLECTIONS = {
  patients,
  staff,
  referrals,
  encounters,
  orders,
  observations,
  notes,
  catalog,
  conflicts,
} as const;
export type SyncedCollectionName = keyof typeof SYNCED_COLLECTIONS;

export function isSyncedCollectionName(name: string): name is SyncedCollectionName {
  return Object.hasOwn(SYNCED_COLLECTIONS, name);
}
