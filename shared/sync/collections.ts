import type { z } from 'zod';
import { patientDocumentSchema, type PatientDocument } from '../patient/patient-document';
import { patientProblems } from '../patient/patient-problems';
import { patientSearchKeys } from '../patient/patient-search-keys';

export type SyncDirection = 'both' | 'pull-only' | 'push-only';

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
}

const patients: SyncedCollection<PatientDocument> = {
  direction: 'both',
  schema: patientDocumentSchema,
  facilityField: 'facilityCode',
  problems: patientProblems,
  bookkeepingFields: ['updatedAt'],
  rederive: (patient) => ({ ...patient, ...patientSearchKeys(patient) }),
};

/** Every collection that syncs, by its name on the wire. */
export const SYNCED_COLLECTIONS = { patients } as const;
export type SyncedCollectionName = keyof typeof SYNCED_COLLECTIONS;

export function isSyncedCollectionName(name: string): name is SyncedCollectionName {
  return Object.hasOwn(SYNCED_COLLECTIONS, name);
}
