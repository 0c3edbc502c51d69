import type { RxCollection, RxDatabase } from 'rxdb';
import { PATIENT_INDEXES, patientDocumentSchema, type PatientDocument } from '../../shared/patient/patient-document';
import { rxSchemaFromZod } from './rx-schema-from-zod';

/**
 * The client's collections. The open-source RxDB refuses a 14th open collection in a process,
 * so the whole client is planned at ten or fewer: patients, encounters, observations, orders,
 * notes, referrals, catalog, staff, audit.
 */
export const patientRxSchema = rxSchemaFromZod(patientDocumentSchema, {
  version: 0,
  primaryKey: 'id',
  indexes: PATIENT_INDEXES,
});

export interface SenCollections {
  patients: RxCollection<PatientDocument>;
}

export type SenDatabase = RxDatabase<SenCollections>;
