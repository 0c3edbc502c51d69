import type { RxCollection, RxDatabase } from 'rxdb';
import { PATIENT_INDEXES, patientDocumentSchema, type PatientDocument } from '../../shared/patient/patient-document';
import { auditEntrySchema, type AuditEntry } from '../../shared/audit/audit-entry';
import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
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

/** Staff accounts of the facility, found by username at login. */
export const staffRxSchema = rxSchemaFromZod(staffDocumentSchema, {
  version: 0,
  primaryKey: 'id',
  indexes: ['username'],
});

/** This device's hash-chained audit trail, continued from its highest seq. */
export const auditRxSchema = rxSchemaFromZod(auditEntrySchema, {
  version: 0,
  primaryKey: 'id',
  indexes: ['seq'],
});

export interface SenCollections {
  patients: RxCollection<PatientDocument>;
  staff: RxCollection<StaffDocument>;
  audit: RxCollection<AuditEntry>;
}

export type SenDatabase = RxDatabase<SenCollections>;
