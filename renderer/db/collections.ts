import type { RxCollection, RxDatabase } from 'rxdb';
import { PATIENT_INDEXES, patientDocumentSchema, type PatientDocument } from '../../shared/patient/patient-document';
import { auditEntrySchema, type AuditEntry } from '../../shared/audit/audit-entry';
import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
import { syncMetaSchema, type SyncMeta } from '../../shared/sync/sync-meta';
import { rxSchemaFromZod } from './rx-schema-from-zod';

/**
 * A synced document as the client stores it: its body and, beside it, the sync envelope
 * (lineage and signature) that travels with it both ways. One more field of every collection,
 * so that RxDB's replication carries it without special code; encrypted at rest like the body.
 */
export type Stored<T> = T & { syncMeta: SyncMeta };

const storedPatientSchema = patientDocumentSchema.extend({ syncMeta: syncMetaSchema });
const storedStaffSchema = staffDocumentSchema.extend({ syncMeta: syncMetaSchema });
const storedAuditSchema = auditEntrySchema.extend({ syncMeta: syncMetaSchema });

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

export const PATIENT_ENCRYPTED_FIELDS = encryptedFields<Stored<PatientDocument>>(
  storedPatientSchema,
  PATIENT_CLEAR_FIELDS,
);

/**
 * The client's collections. The open-source RxDB refuses a 14th open collection in a process,
 * so the whole client is planned at ten or fewer: patients, encounters, observations, orders,
 * notes, referrals, catalog, staff, audit.
 */
export const patientRxSchema = rxSchemaFromZod<Stored<PatientDocument>>(storedPatientSchema, {
  version: 0,
  primaryKey: 'id',
  indexes: PATIENT_INDEXES,
  encrypted: PATIENT_ENCRYPTED_FIELDS,
});

/** Staff accounts of the facility, found by username at login. */
export const staffRxSchema = rxSchemaFromZod<Stored<StaffDocument>>(storedStaffSchema, {
  version: 0,
  primaryKey: 'id',
  indexes: ['username'],
  // Names, roles, password verifiers and sealed keys are nobody's business on a stolen disk.
  encrypted: encryptedFields<Stored<StaffDocument>>(storedStaffSchema, ['id', 'username']),
});

/** This device's hash-chained audit trail, continued from its highest seq. */
export const auditRxSchema = rxSchemaFromZod<Stored<AuditEntry>>(storedAuditSchema, {
  version: 0,
  primaryKey: 'id',
  indexes: ['seq'],
  // Which patient whose chart was opened, by whom, stays sealed like the chart.
  encrypted: encryptedFields<Stored<AuditEntry>>(storedAuditSchema, ['id', 'seq']),
});

export interface SenCollections {
  patients: RxCollection<Stored<PatientDocument>>;
  staff: RxCollection<Stored<StaffDocument>>;
  audit: RxCollection<Stored<AuditEntry>>;
}

export type SenDatabase = RxDatabase<SenCollections>;
