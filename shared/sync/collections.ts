import type { z } from 'zod';
import { patientDocumentSchema, type PatientDocument } from '../patient/patient-document';
import { patientProblems } from '../patient/patient-problems';

export type SyncDirection = 'both' | 'pull-only' | 'push-only';

export interface SyncedCollection<T> {
  direction: SyncDirection;
  schema: z.ZodType<T>;
  /** The field naming the facility a document belongs to: the scope of every pull and push. */
  facilityField: keyof T & string;
  /** Rules beyond the schema's shape; an empty list means the document is acceptable. */
  problems: (document: T) => { field: string; code: string }[];
}

const patients: SyncedCollection<PatientDocument> = {
  direction: 'both',
  schema: patientDocumentSchema,
  facilityField: 'facilityCode',
  problems: patientProblems,
};

/** Every collection that syncs, by its name on the wire. */
export const SYNCED_COLLECTIONS = { patients } as const;
export type SyncedCollectionName = keyof typeof SYNCED_COLLECTIONS;

export function isSyncedCollectionName(name: string): name is SyncedCollectionName {
  return Object.hasOwn(SYNCED_COLLECTIONS, name);
}
