import { z } from 'zod';
import { patientGuardianSchema } from './patient-guardian';
import { NAME_YEAR_KEY_MAX } from './patient-search-keys';

/**
 * The stored and synced shape of a patient. The RxDB schema (renderer/db) and the server's
 * push validation are both derived from this one definition.
 *
 * Every indexed field is required (Dexie refuses indexes on optional ones), so identifiers a
 * patient may lack are stored as '' rather than left out. `nameKey` and `givenNameKey` are
 * search keys derived from the name (see patient-search-keys.ts); the server recomputes them
 * and refuses a document whose keys do not match, so every device can search every record.
 *
 * `nameYearKey` (name and birth year, for the possible-duplicates check) came later: optional
 * here, so that a PC not yet updated still pushes and pulls, and checked when present. The
 * client's database requires it (renderer/db/collections.ts) and computes it for documents
 * that come without it (a migration for those stored, the pull for those arriving).
 *
 * `guardian` (a young child's mother, father or guardian) and the two merge fields came later
 * still, optional for the same reason. `mergedInto` and `mergedAliases` are the province's: when
 * its admin merges two records of one facility, the server marks the merged-away record with the
 * primary's id and the primary with its aliases' ids (server/identity/mark-merged-aliases.ts);
 * no PC may set or clear them (PATIENT_PROVINCE_FIELDS, refused as `field-not-owned`).
 */
export const patientDocumentSchema = z
  .object({
    id: z.string().min(1).max(40),
    facilityCode: z
      .string()
      .regex(/^\d{5}$/)
      .max(5),
    patientCode: z.string().min(1).max(20),
    familyName: z.string().min(1).max(60),
    middleName: z.string().max(60),
    givenName: z.string().min(1).max(60),
    /** ISO yyyy-MM-dd */
    dateOfBirth: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .max(10),
    sex: z.enum(['male', 'female']),
    cccd: z.string().max(12),
    bhyt: z.string().max(15),
    phone: z.string().max(11),
    address: z
      .object({
        provinceCode: z.string().max(2),
        wardCode: z.string().max(5),
        street: z.string().max(200),
      })
      .strict(),
    ethnicityCode: z.string().max(2),
    nameKey: z.string().max(200),
    givenNameKey: z.string().max(200),
    nameYearKey: z.string().max(NAME_YEAR_KEY_MAX).optional(),
    guardian: patientGuardianSchema.optional(),
    /** The primary record's id: this record was merged into it at the province. */
    mergedInto: z.string().min(1).max(40).optional(),
    /** The ids of this facility's records merged into this one. */
    mergedAliases: z.array(z.string().min(1).max(40)).max(50).optional(),
    /** The recording device's own clock: shown as data, never used for ordering. */
    createdAt: z.string().max(40),
    updatedAt: z.string().max(40),
    createdByDeviceId: z.string().max(40),
    /** Staff ids: who registered the patient and who made this version (checked by the server). */
    createdBy: z.string().min(1).max(40),
    updatedBy: z.string().min(1).max(40),
  })
  .strict();

export type PatientDocument = z.infer<typeof patientDocumentSchema>;

/** Fields only the province writes (a merge); a PC's change to them is refused. */
export const PATIENT_PROVINCE_FIELDS = ['mergedInto', 'mergedAliases'] as const;

/** Every field a facility's PCs may write: all but the province's. */
export const PATIENT_FACILITY_FIELDS = (Object.keys(patientDocumentSchema.shape) as (keyof PatientDocument)[]).filter(
  (field) => !(PATIENT_PROVINCE_FIELDS as readonly string[]).includes(field),
);

/** Indexed fields, each searched by a range: a prefix, or (`nameYearKey`) one key. */
export const PATIENT_INDEXES = [
  'nameKey',
  'givenNameKey',
  'nameYearKey',
  'cccd',
  'bhyt',
  'phone',
  'patientCode',
] as const;
