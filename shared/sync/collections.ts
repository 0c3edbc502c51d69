import { patientDocumentSchema, type PatientDocument } from '../patient/patient-document';
import { patientProblems } from '../patient/patient-problems';
import { patientSearchKeys } from '../patient/patient-search-keys';
import { referralDocumentSchema, type ReferralDocument } from '../referral/referral-document';
import { authorizeReferralWrite, referralOwnedFields, referralProblems } from '../referral/referral-rules';
import { authorizePatientWrite, authorizeStaffWrite } from '../staff/authorize-write';
import { staffDocumentSchema, type StaffDocument } from '../staff/staff-document';
import type { SyncedCollection } from './collection-registry';
import { facilityScope } from './scopes';

export type { SyncDirection, SyncedCollection, UniqueField } from './collection-registry';

const patients: SyncedCollection<PatientDocument> = {
  direction: 'both',
  schema: patientDocumentSchema,
  feed: 'facility',
  scopes: (patient) => [facilityScope(patient.facilityCode)],
  mergePolicy: { kind: 'field-merge' },
  problems: patientProblems,
  bookkeepingFields: ['updatedAt', 'updatedBy'],
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

/** Addressed to the sending and the receiving facility; each writes its own side. */
const referrals: SyncedCollection<ReferralDocument> = {
  direction: 'both',
  schema: referralDocumentSchema,
  feed: 'facility',
  scopes: (referral) => [facilityScope(referral.fromFacilityCode), facilityScope(referral.toFacilityCode)],
  ownedFields: referralOwnedFields,
  mergePolicy: { kind: 'field-merge' },
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

/** Every collection that syncs, by its name on the wire. */
export const SYNCED_COLLECTIONS = { patients, staff, referrals } as const;
export type SyncedCollectionName = keyof typeof SYNCED_COLLECTIONS;

export function isSyncedCollectionName(name: string): name is SyncedCollectionName {
  return Object.hasOwn(SYNCED_COLLECTIONS, name);
}
