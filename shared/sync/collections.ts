import type { z } from 'zod';
import { patientDocumentSchema, type PatientDocument } from '../patient/patient-document';
import { patientProblems } from '../patient/patient-problems';
import { patientSearchKeys } from '../patient/patient-search-keys';
import {
  authorizePatientWrite,
  authorizeStaffWrite,
  type WriteAttempt,
  type WriteRefusal,
} from '../staff/authorize-write';
import type { Permission } from '../staff/roles';
import { staffDocumentSchema, type StaffDocument } from '../staff/staff-document';

export type SyncDirection = 'both' | 'pull-only' | 'push-only';

/**
 * A field no two live documents of a facility may share (empty values aside): the server
 * refuses the later one with `problem`, naming the document that holds the value.
 */
export interface UniqueField<T> {
  field: keyof T & string;
  problem: string;
}

export interface SyncedCollection<T> {
  direction: SyncDirection;
  schema: z.ZodType<T>;
  /** The field naming the facility a document belongs to: the scope of every pull and push. */
  facilityField: keyof T & string;
  /** Rules beyond the schema's shape; an empty list means the document is acceptable. */
  problems: (document: T) => { field: string; code: string }[];
  /** Fields every edit changes (device-clock times): merged, never reported as conflicts. */
  bookkeepingFields: readonly (keyof T & string)[];
  /** Recomputes derived fields after a field-by-field merge (e.g. search keys from names). */
  rederive: (document: T) => T;
  /** The field naming the staff member who made a version: set to the pusher's on a merge. */
  authorField: keyof T & string;
  /** Whether the staff named in a pushed write (active, of the device's facility) may make it. */
  authorize: (attempt: WriteAttempt<T>) => WriteRefusal | null;
  uniqueFields: readonly UniqueField<T>[];
  /** Who may read the documents, and so the values that lost a merge of them. */
  readPermission: Permission;
}

const patients: SyncedCollection<PatientDocument> = {
  direction: 'both',
  schema: patientDocumentSchema,
  facilityField: 'facilityCode',
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
  readPermission: 'patient.read',
};

const staff: SyncedCollection<StaffDocument> = {
  direction: 'both',
  schema: staffDocumentSchema,
  facilityField: 'facilityCode',
  problems: () => [],
  bookkeepingFields: ['updatedAt', 'updatedBy'],
  rederive: (account) => account,
  authorField: 'updatedBy',
  authorize: authorizeStaffWrite,
  uniqueFields: [{ field: 'username', problem: 'username-taken' }],
  // An account's values include its password verifier: only those who manage accounts.
  readPermission: 'staff.manage',
};

/** Every collection that syncs, by its name on the wire. */
export const SYNCED_COLLECTIONS = { patients, staff } as const;
export type SyncedCollectionName = keyof typeof SYNCED_COLLECTIONS;

export function isSyncedCollectionName(name: string): name is SyncedCollectionName {
  return Object.hasOwn(SYNCED_COLLECTIONS, name);
}
