import type { RxCollection, RxDatabase } from 'rxdb';
import { PATIENT_INDEXES, patientDocumentSchema, type PatientDocument } from '../../shared/patient/patient-document';
import { rxSchemaFromZod } from './rx-schema-from-zod';

/**
 * What stays readable on disk: the primary key and the fields an index needs, since an index
 * over ciphertext cannot answer a prefix search. Every other field is encrypted at rest
 * (renderer/db/sealed-storage.ts), including any field added to the schema later.
 */
export const PATIENT_CLEAR_FIELDS = ['id', ...PATIENT_INDEXES] as const;

export const PATIENT_ENCRYPTED_FIELDS = (Object.keys(patientDocumentSchema.shape) as (keyof PatientDocument)[]).filter(
  (field) => !(PATIENT_CLEAR_FIELDS as readonly string[]).includes(field),
);

/**
 * The client's collections. The open-source RxDB refuses a 14th open collection in a process,
 * so the whole client is planned at ten or fewer: patients, encounters, observations, orders,
 * notes, referrals, catalog, staff, audit.
 */
export const patientRxSchema = rxSchemaFromZod(patientDocumentSchema, {
  version: 0,
  primaryKey: 'id',
  indexes: PATIENT_INDEXES,
  encrypted: PATIENT_ENCRYPTED_FIELDS,
});

export interface SenCollections {
  patients: RxCollection<PatientDocument>;
}

export type SenDatabase = RxDatabase<SenCollections>;
