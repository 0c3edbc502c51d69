import type { RxCollection, RxDatabase } from 'rxdb';
import { PATIENT_INDEXES, patientDocumentSchema, type PatientDocument } from '../../shared/patient/patient-document';
import { auditEntrySchema, type AuditEntry } from '../../shared/audit/audit-entry';
import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
import { syncMetaSchema, type SyncMeta } from '../../shared/sync/sync-meta';
import { z } from 'zod';
import { NAME_YEAR_KEY_MAX, patientSearchKeys } from '../../shared/patient/patient-search-keys';
import { CATALOG_INDEXES, catalogEntrySchema, type CatalogEntry } from '../../shared/catalog/catalog-entry';
import {
  ENCOUNTER_INDEXES,
  encounterDocumentSchema,
  type EncounterDocument,
} from '../../shared/clinical/encounter-document';
import {
  OBSERVATION_INDEXES,
  observationDocumentSchema,
  type ObservationDocument,
} from '../../shared/clinical/observation-document';
import { ORDER_INDEXES, orderDocumentSchema, type OrderDocument } from '../../shared/clinical/order-document';
import { NOTE_INDEXES, noteDocumentSchema, type NoteDocument } from '../../shared/clinical/note-document';
import {
  REFERRAL_INDEXES,
  referralDocumentSchema,
  type ReferralDocument,
} from '../../shared/referral/referral-document';
import { CONFLICT_INDEXES, conflictDocumentSchema, type ConflictDocument } from '../../shared/sync/conflict-document';
import { rxSchemaFromZod } from './rx-schema-from-zod';

/**
 * A synced document as the client stores it: its body and, beside it, the sync envelope
 * (lineage and signature) that travels with it both ways. One more field of every collection,
 * so that RxDB's replication carries it without special code; encrypted at rest like the body.
 */
export type Stored<T> = T & { syncMeta: SyncMeta };

/** On this PC every patient has its `nameYearKey` (optional on the wire): an index needs it. */
const storedPatientSchema = patientDocumentSchema.extend({
  nameYearKey: z.string().max(NAME_YEAR_KEY_MAX),
  syncMeta: syncMetaSchema,
});
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
  // 1: `nameYearKey` and its index; 2: `guardian`, `mergedInto`, `mergedAliases` (optional,
  // sealed, not indexed) (patientMigrationStrategies).
  version: 2,
  primaryKey: 'id',
  indexes: PATIENT_INDEXES,
  encrypted: PATIENT_ENCRYPTED_FIELDS,
});

/**
 * Each version of the patients schema from the one before: a patient stored before
 * `nameYearKey` existed gets it from its own name and birth date, so the possible-duplicates
 * check finds it; version 2 only adds optional fields.
 */
export const patientMigrationStrategies = {
  1: (stored: Stored<PatientDocument>): Stored<PatientDocument> => withNameYearKey(stored),
  // The new fields are optional: a patient stored at version 1 is valid as it is (not merged,
  // no guardian recorded). A version-0 patient passes through 1 first.
  2: (stored: Stored<PatientDocument>): Stored<PatientDocument> => stored,
};

/** A patient with its `nameYearKey`, computed if it came without (from a PC not yet updated). */
export function withNameYearKey<T extends PatientDocument>(patient: T): T {
  if (patient.nameYearKey !== undefined) return patient;
  return { ...patient, nameYearKey: patientSearchKeys(patient).nameYearKey };
}

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

const storedEncounterSchema = encounterDocumentSchema.extend({ syncMeta: syncMetaSchema });
const storedOrderSchema = orderDocumentSchema.extend({ syncMeta: syncMetaSchema });
const storedObservationSchema = observationDocumentSchema.extend({ syncMeta: syncMetaSchema });
const storedNoteSchema = noteDocumentSchema.extend({ syncMeta: syncMetaSchema });
const storedReferralSchema = referralDocumentSchema.extend({ syncMeta: syncMetaSchema });
const storedCatalogSchema = catalogEntrySchema.safeExtend({ syncMeta: syncMetaSchema });

/** Clear: the primary key and what an index needs; the clinical content is sealed. */
function clinicalRxSchema<T>(
  schema: z.ZodObject,
  indexes: readonly (readonly (keyof T & string)[])[],
  version = 0,
): ReturnType<typeof rxSchemaFromZod<T>> {
  const clear = ['id', ...indexes.flat()];
  return rxSchemaFromZod<T>(schema as unknown as z.ZodType<T>, {
    version,
    primaryKey: 'id' as keyof T & string,
    indexes,
    encrypted: encryptedFields<T>(schema, clear),
  });
}

/** Visits: a room's queue of a day, a patient's visits. */
export const encounterRxSchema = clinicalRxSchema<Stored<EncounterDocument>>(storedEncounterSchema, ENCOUNTER_INDEXES);
/** Orders: the lab's and the pharmacy's worklists, a visit's and a patient's orders. */
export const orderRxSchema = clinicalRxSchema<Stored<OrderDocument>>(storedOrderSchema, ORDER_INDEXES);
/** Vital signs, results and allergies of a patient, and an order's results. */
export const observationRxSchema = clinicalRxSchema<Stored<ObservationDocument>>(
  storedObservationSchema,
  OBSERVATION_INDEXES,
);
/** Progress notes, discharge summaries and transfers of a stay, and of a patient. */
export const noteRxSchema = clinicalRxSchema<Stored<NoteDocument>>(storedNoteSchema, NOTE_INDEXES);

/**
 * Referrals sent from and to this facility: who is referred, why and what was found stay sealed;
 * the two facilities, the day and the patient's ids stay clear for the lists.
 */
export const referralRxSchema = clinicalRxSchema<Stored<ReferralDocument>>(
  storedReferralSchema,
  REFERRAL_INDEXES,
  // 1: the lab results carried (`results`) and the referring doctor's signature.
  1,
);

/**
 * Each version of the referrals schema from the one before. A referral stored before version 1
 * is kept exactly as it came: the new fields are optional, and adding one here would make the
 * receiver's next answer look like a change of the sender's fields (`field-not-owned`).
 */
export const referralMigrationStrategies = {
  1: (stored: Stored<ReferralDocument>): Stored<ReferralDocument> => stored,
};

/**
 * The province's catalogs: public lists (the ministry publishes them), so nothing is sealed and
 * lookups cost no decryption.
 */
export const catalogRxSchema = rxSchemaFromZod<Stored<CatalogEntry>>(storedCatalogSchema, {
  version: 0,
  primaryKey: 'id',
  indexes: CATALOG_INDEXES,
  encrypted: [],
});

const storedConflictSchema = conflictDocumentSchema.extend({ syncMeta: syncMetaSchema });

/**
 * Values that lost a merge, for the facility's staff: the values are patient data, sealed;
 * whether one is still open stays clear, since the screens ask for the open ones.
 */
export const conflictRxSchema = rxSchemaFromZod<Stored<ConflictDocument>>(storedConflictSchema, {
  version: 0,
  primaryKey: 'id',
  indexes: CONFLICT_INDEXES,
  encrypted: encryptedFields<Stored<ConflictDocument>>(storedConflictSchema, [
    'id',
    'resolvedAt',
    ...CONFLICT_INDEXES.flat(),
  ]),
});

export interface SenCollections {
  patients: RxCollection<Stored<PatientDocument>>;
  staff: RxCollection<Stored<StaffDocument>>;
  audit: RxCollection<Stored<AuditEntry>>;
  encounters: RxCollection<Stored<EncounterDocument>>;
  orders: RxCollection<Stored<OrderDocument>>;
  observations: RxCollection<Stored<ObservationDocument>>;
  notes: RxCollection<Stored<NoteDocument>>;
  referrals: RxCollection<Stored<ReferralDocument>>;
  catalog: RxCollection<Stored<CatalogEntry>>;
  conflicts: RxCollection<Stored<ConflictDocument>>;
}

export type SenDatabase = RxDatabase<SenCollections>;
