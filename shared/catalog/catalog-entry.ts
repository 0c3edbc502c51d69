import { z } from 'zod';
import { foldVietnamese } from '../text/fold-vietnamese';
import {
  DEPARTMENT_CODE_PATTERN,
  FACILITY_CODE_PATTERN,
  ICD10_CODE_PATTERN,
  LOCAL_CODE_PATTERNS,
  MINISTRY_LAB_CODE_PATTERN,
  PUBLISHED_CODE_PATTERN,
} from './catalog-codes';
import { CATALOG_DETAILS_SCHEMAS, type CatalogDetails } from './catalog-details';
import { CATALOG_KINDS, type CatalogKind } from './catalog-kinds';

/** The author of every catalog version: catalogs are made at the province, never on a PC. */
export const CATALOG_AUTHOR = 'province';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written yyyy-MM-dd (such dates compare correctly as strings). */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/**
 * The same kind, code and effective date always make the same id, so importing a file twice
 * yields the same documents instead of duplicates, and a new version (a later effective date)
 * is a new document beside the old one.
 */
export function catalogEntryId(kind: CatalogKind, code: string, effectiveFrom: string): string {
  return `${kind}:${code}:${effectiveFrom}`;
}

/** Whether a code has the form of its kind's list (see catalog-codes.ts). */
export function isCodeOfKind(kind: CatalogKind, code: string): boolean {
  switch (kind) {
    case 'icd10':
      return ICD10_CODE_PATTERN.test(code);
    case 'lab-test':
      return MINISTRY_LAB_CODE_PATTERN.test(code) || LOCAL_CODE_PATTERNS['lab-test'].test(code);
    case 'drug':
    case 'service':
      return PUBLISHED_CODE_PATTERN.test(code) || LOCAL_CODE_PATTERNS[kind].test(code);
    case 'department':
      return DEPARTMENT_CODE_PATTERN.test(code);
    case 'facility':
      return FACILITY_CODE_PATTERN.test(code);
  }
}

const detailsUnion = z.union([
  CATALOG_DETAILS_SCHEMAS.icd10,
  CATALOG_DETAILS_SCHEMAS['lab-test'],
  CATALOG_DETAILS_SCHEMAS.drug,
  CATALOG_DETAILS_SCHEMAS.service,
  CATALOG_DETAILS_SCHEMAS.department,
  CATALOG_DETAILS_SCHEMAS.facility,
]);

const isoDate = z.string().max(10).refine(isIsoDate, { message: 'Not a yyyy-MM-dd date.' });

/**
 * One version of one catalog entry: the stored and synced shape of the `catalog` collection.
 * Versions are never edited in place; a change is a new document with a later `effectiveFrom`
 * (see entry-in-force.ts). Every indexed field is required (Dexie refuses optional indexes).
 * The checks below the shape make an entry whose parts disagree (a drug's details on an ICD
 * code, a search key that is not the folded name, an id that is not its kind, code and date)
 * invalid, so every device can rely on them.
 */
export const catalogEntrySchema = z
  .object({
    id: z.string().min(1).max(64),
    // Indexed: RxDB wants a maximum length on every indexed string, an enum's included.
    kind: z.enum(CATALOG_KINDS).meta({ maxLength: Math.max(...CATALOG_KINDS.map((kind) => kind.length)) }),
    code: z.string().min(1).max(30),
    /** Vietnamese name, NFC, exactly as the list publishes it. */
    name: z.string().trim().min(1).max(500),
    /** English name where the list has one (ICD-10, lab tests), else ''. */
    nameEn: z.string().max(500),
    /** The folded Vietnamese name (shared/text/fold-vietnamese.ts): no diacritics, đ→d, lower case. */
    searchKey: z.string().max(500),
    /** The province whose catalog this is (2 digits, the 2025 province codes). */
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .max(2),
    effectiveFrom: isoDate,
    /** The first day the version no longer applies, or '' while it is open. */
    effectiveTo: z.union([z.literal(''), isoDate]),
    /** A version that withdraws the code from `effectiveFrom` on. */
    withdrawn: z.boolean(),
    updatedAt: z.string().max(40),
    updatedBy: z.literal(CATALOG_AUTHOR),
    details: detailsUnion,
  })
  .strict()
  .superRefine((entry, context) => {
    const problem = (path: string, message: string): void => {
      context.addIssue({ code: 'custom', path: [path], message });
    };
    if (!CATALOG_DETAILS_SCHEMAS[entry.kind].safeParse(entry.details).success) {
      problem('details', `The details are not those of a ${entry.kind} entry.`);
    }
    if (!isCodeOfKind(entry.kind, entry.code)) problem('code', `Not a ${entry.kind} code.`);
    if (entry.id !== catalogEntryId(entry.kind, entry.code, entry.effectiveFrom)) {
      problem('id', 'The id is not made of the kind, code and effective date.');
    }
    if (entry.name !== entry.name.normalize('NFC')) problem('name', 'The name is not NFC.');
    if (entry.searchKey !== foldVietnamese(entry.name)) problem('searchKey', 'The search key is not the folded name.');
    if (entry.effectiveTo !== '' && entry.effectiveTo <= entry.effectiveFrom) {
      problem('effectiveTo', 'The version ends before it starts.');
    }
  });

export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** An entry whose `details` are known to be those of its kind. */
export type CatalogEntryOf<K extends CatalogKind> = Omit<CatalogEntry, 'kind' | 'details'> & {
  kind: K;
  details: CatalogDetails[K];
};

/** Narrows an entry to its kind; the schema guarantees details and kind agree. */
export function isEntryOfKind<K extends CatalogKind>(entry: CatalogEntry, kind: K): entry is CatalogEntryOf<K> {
  return entry.kind === kind;
}

/**
 * Indexed fields: an entry is looked up by kind and code, and searched by kind and folded name
 * as a prefix range (never a regular-expression scan). Compound indexes, as RxDB declares them.
 */
export const CATALOG_INDEXES = [
  ['kind', 'code'],
  ['kind', 'searchKey'],
] as const;
