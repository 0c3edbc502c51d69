import { z } from 'zod';
import type { CatalogKind } from './catalog-kinds';
import { DRUG_CONTROLS } from './drug-control';
import { isValidLoinc } from './loinc';

/**
 * The kind-specific part of a catalog entry, one strict schema per kind. The entry schema
 * (catalog-entry.ts) checks that `details` matches the schema of the entry's `kind`.
 */

export const ICD10_CHAPTERS = [
  'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI',
  'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI', 'XXII',
] as const; // prettier-ignore

export const icd10DetailsSchema = z
  .object({
    chapter: z.enum(ICD10_CHAPTERS),
    /** The block ("mã nhóm"), e.g. `J09-J18`. */
    block: z
      .string()
      .regex(/^[A-Z]\d{2}-[A-Z]\d{2}$/)
      .max(7),
    /** The three-character category ("mã loại"), e.g. `J18`. */
    category: z
      .string()
      .regex(/^[A-Z]\d{2}$/)
      .max(3),
    /** The dagger/asterisk convention: an asterisk code names a manifestation, never the main disease. */
    mark: z.enum(['', 'dagger', 'asterisk']),
    /** Not allowed as the primary diagnosis (asterisk codes, external causes V01–Y98, agents B95–B97). */
    notPrimary: z.boolean(),
    sex: z.enum(['any', 'male', 'female']),
  })
  .strict();

export const SEXES = ['any', 'male', 'female'] as const;

export const referenceRangeSchema = z
  .object({
    sex: z.enum(SEXES),
    /** Inclusive lower bound of the age band, in whole years. */
    minAgeYears: z.number().int().min(0).max(150),
    /** Exclusive upper bound; null when the band is open. */
    maxAgeYears: z.number().int().min(1).max(150).nullable(),
    /** Either bound may be missing (a "< 5" range), but not both. */
    low: z.number().nullable(),
    high: z.number().nullable(),
  })
  .strict()
  .refine((range) => range.low !== null || range.high !== null, { message: 'A range needs a bound.' })
  .refine((range) => range.low === null || range.high === null || range.low <= range.high, {
    message: 'The lower bound is above the upper one.',
  })
  .refine((range) => range.maxAgeYears === null || range.minAgeYears < range.maxAgeYears, {
    message: 'The age band is empty.',
  });

export const LAB_GROUPS = ['haematology', 'biochemistry', 'urine', 'serology', 'microbiology'] as const;

export const labTestDetailsSchema = z
  .object({
    group: z.enum(LAB_GROUPS),
    /** '' when the test has no LOINC mapping in the list; otherwise a code with a valid check digit. */
    loinc: z
      .string()
      .max(10)
      .refine((code) => code === '' || isValidLoinc(code), { message: 'Not a LOINC code (check digit).' }),
    resultType: z.enum(['numeric', 'qualitative']),
    /** The unit numeric results are reported in; '' for qualitative tests. */
    unit: z.string().max(20),
    /** For a qualitative test, the normal answer ("Âm tính"); '' for numeric ones. */
    normalText: z.string().max(40),
    referenceRanges: z.array(referenceRangeSchema).max(12),
    /** Results beyond these call for the doctor at once; null where the list sets no limit. */
    criticalLow: z.number().nullable(),
    criticalHigh: z.number().nullable(),
    /** A repeat within this many days shows the earlier result first (the duplicate-test warning). */
    validityDays: z.number().int().min(0).max(3650),
  })
  .strict();

export const drugDetailsSchema = z
  .object({
    /** Active ingredient(s), INN as the ministry's lists spell them ("Amoxicilin + Acid clavulanic"). */
    ingredient: z.string().min(1).max(200),
    strength: z.string().min(1).max(100),
    form: z.string().min(1).max(60),
    route: z.string().min(1).max(40),
    /** The unit dispensed and counted ("viên", "ống", "chai"). */
    unit: z.string().min(1).max(20),
    /** What one dispensed unit holds when doses are measured in something else (a 60 ml bottle). */
    unitContent: z
      .object({ amount: z.number().positive(), unit: z.string().min(1).max(20) })
      .strict()
      .nullable(),
    /**
     * Under special control (drug-control.ts): narcotic, psychotropic or precursor; absent for
     * an ordinary drug (and in versions imported before the class was read).
     */
    control: z.enum(DRUG_CONTROLS).optional(),
  })
  .strict();

export const SERVICE_GROUPS = ['examination', 'imaging', 'functional-test', 'procedure'] as const;

export const serviceDetailsSchema = z
  .object({
    group: z.enum(SERVICE_GROUPS),
    unit: z.string().min(1).max(20),
  })
  .strict();

/** The most beds a department's bed codes (G01…G300) can name; see inpatient-stay.ts. */
export const MAX_DEPARTMENT_BEDS = 300;

export const departmentDetailsSchema = z
  .object({
    type: z.enum(['clinical', 'paraclinical', 'support']),
    /**
     * Inpatient beds (G01, G02…): a department with beds takes admitted patients. Absent in
     * entries imported before beds were counted, which reads as none.
     */
    beds: z.number().int().min(0).max(MAX_DEPARTMENT_BEDS).optional(),
  })
  .strict();

export const facilityDetailsSchema = z
  .object({
    level: z.enum(['province', 'regional', 'commune', 'private']),
    address: z.string().max(200),
    /** Demo and test entries, never a real facility's record. */
    demo: z.boolean(),
  })
  .strict();

export const CATALOG_DETAILS_SCHEMAS = {
  icd10: icd10DetailsSchema,
  'lab-test': labTestDetailsSchema,
  drug: drugDetailsSchema,
  service: serviceDetailsSchema,
  department: departmentDetailsSchema,
  facility: facilityDetailsSchema,
} as const satisfies Record<CatalogKind, z.ZodType>;

export type CatalogDetails = { [K in CatalogKind]: z.infer<(typeof CATALOG_DETAILS_SCHEMAS)[K]> };
export type Icd10Details = CatalogDetails['icd10'];
export type LabTestDetails = CatalogDetails['lab-test'];
export type ReferenceRange = z.infer<typeof referenceRangeSchema>;
export type DrugDetails = CatalogDetails['drug'];
