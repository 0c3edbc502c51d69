import type { RxCollection, RxDatabase } from 'rxdb';
import { PATIENT_INDEXES, patientDocumentSchema, type PatientDocument } from '../../shared/patient/patient-document';
import { auditEntrySchema, type AuditEntry } from '../../shared/audit/audit-entry';
import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
import { rxSchemaFromZod } from './rx-schema-from-zod';

/**
 * What stays readable on disk: the primary key and the fields an index needs, since an index
 * over ciphertext cannot answer a prefix search. Every other field is encrypted at rest
 * (renderer/db/sealed-storage.ts), including any field added to the schema later.
 */
export const PATIENT_CLEAR_FIELDS = ['id', ...PATIENT_INDEXES] as const;

/** Every field of a schema but those left in clear. */
function encryptedFields<T>(schema: { shape: object }, clear: readonly string[]): (keyof T & string)[] {
  return (Object.keys(schema.shape) as (keyof T & string)[]).filter((field) => !clear.includes(field));
}

export const PATIENT_ENCRYPTED_FIELDS = encryptedFields<PatientDocument>(patientDocumentSchema, PATIENT_CLEAR_FIELDS);

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

/** Staff accounts of the facility, found by username at login. */
export const staffRxSchema = rxSchemaFromZod(staffDocumentSchema, {
  version: 0,
  primaryKey: 'id',
  indexes: ['username'],
  // Names, roles and password verifiers are nobody's business on a stolen disk.
  encrypted: encryptedFields<StaffDocument>(staffDocumentSchema, ['id', 'username']),
});

/** This device's hash-chained audit trail, continued from its highest seq. */
export const auditRxSchema = rxSchemaFromZod(auditEntrySchema, {
  version: 0,
  primaryKey: 'id',
  indexes: ['seq'],
  // Which patient whose chart was opened, by whom, stays sealed like the chart.
  encrypted: encryptedFields<AuditEntry>(auditEntrySchema, ['id', 'seq']),
});

export interface SenCollections {
  patients: RxCollection<PatientDocument>;
  staff: RxCollection<StaffDocument>;
  audit: RxCollection<AuditEntry>;
}

export type SenDatabase = RxDatabase<SenCollections>;
