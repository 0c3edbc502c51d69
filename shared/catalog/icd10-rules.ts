import type { CatalogEntryOf } from './catalog-entry';
import type { Icd10Details } from './catalog-details';

type Icd10Entry = CatalogEntryOf<'icd10'>;
export type PatientSex = 'male' | 'female';

/** Whether the code may stand as the primary (main) diagnosis of an episode. */
export function canBePrimaryDiagnosis(entry: Icd10Entry): boolean {
  return !entry.details.notPrimary;
}

/** Whether the code applies to a patient of this sex (O00–O99 to women only, N40 to men …). */
export function fitsPatientSex(entry: Icd10Entry, sex: PatientSex): boolean {
  return entry.details.sex === 'any' || entry.details.sex === sex;
}

/** Why a diagnosis is refused, or null when it may be recorded as asked. */
export function diagnosisProblem(
  entry: Icd10Entry,
  patientSex: PatientSex,
  role: 'primary' | 'secondary',
): 'not-allowed-as-primary' | 'wrong-sex' | null {
  if (!fitsPatientSex(entry, patientSex)) return 'wrong-sex';
  if (role === 'primary' && !canBePrimaryDiagnosis(entry)) return 'not-allowed-as-primary';
  return null;
}

/** The three-character category of a code: `J18.9` → `J18`. */
export function icd10Category(code: string): string {
  return code.slice(0, 3);
}

function inRange(code: string, from: string, to: string): boolean {
  const category = icd10Category(code);
  return category >= from && category <= to;
}

/**
 * Categories whose sex WHO's tabulation fixes (pregnancy, female and male genital organs and
 * their tumours, antenatal care). An imported list may restrict more codes than these, but a
 * row that leaves one of these open to both sexes, or gives it the other sex, is an error.
 */
const SEX_SPECIFIC_RANGES: readonly { from: string; to: string; sex: PatientSex }[] = [
  { from: 'O00', to: 'O99', sex: 'female' },
  { from: 'N70', to: 'N98', sex: 'female' },
  { from: 'C51', to: 'C58', sex: 'female' },
  { from: 'D25', to: 'D28', sex: 'female' },
  { from: 'E28', to: 'E28', sex: 'female' },
  { from: 'Z32', to: 'Z37', sex: 'female' },
  { from: 'Z39', to: 'Z39', sex: 'female' },
  { from: 'N40', to: 'N51', sex: 'male' },
  { from: 'C60', to: 'C63', sex: 'male' },
  { from: 'D29', to: 'D29', sex: 'male' },
  { from: 'E29', to: 'E29', sex: 'male' },
  { from: 'Q53', to: 'Q55', sex: 'male' },
];

export function requiredSexOf(code: string): PatientSex | null {
  return SEX_SPECIFIC_RANGES.find((range) => inRange(code, range.from, range.to))?.sex ?? null;
}

/**
 * Codes WHO's rules reserve for additional coding: chapter XX's external causes (V01–Y98) say how
 * an injury happened, B95–B97 name the agent of a disease coded elsewhere.
 */
export function isAdditionalCodeOnly(code: string): boolean {
  return inRange(code, 'V01', 'Y98') || inRange(code, 'B95', 'B97');
}

/** Rule violations of one ICD-10 row's flags, as kebab-case codes. */
export function icd10FlagProblems(code: string, details: Icd10Details): string[] {
  const problems: string[] = [];
  if (details.mark === 'asterisk' && !details.notPrimary) problems.push('asterisk-code-allowed-as-primary');
  if (isAdditionalCodeOnly(code) && !details.notPrimary) problems.push('additional-code-allowed-as-primary');
  const requiredSex = requiredSexOf(code);
  if (requiredSex !== null && details.sex !== requiredSex) problems.push('sex-restriction-missing');
  if (details.category !== icd10Category(code)) problems.push('category-mismatch');
  if (icd10ChapterOf(code) !== details.chapter) problems.push('chapter-mismatch');
  if (!blockHolds(details.block, icd10Category(code))) problems.push('block-mismatch');
  return problems;
}

function blockHolds(block: string, category: string): boolean {
  const [from = '', to = ''] = block.split('-');
  return category >= from && category <= to;
}

/** The chapter (Roman numeral) a code belongs to, from WHO ICD-10's chapter ranges. */
export function icd10ChapterOf(code: string): Icd10Details['chapter'] | null {
  const category = icd10Category(code);
  return CHAPTER_RANGES.find(([, from, to]) => category >= from && category <= to)?.[0] ?? null;
}

const CHAPTER_RANGES: readonly (readonly [Icd10Details['chapter'], string, string])[] = [
  ['I', 'A00', 'B99'],
  ['II', 'C00', 'D48'],
  ['III', 'D50', 'D89'],
  ['IV', 'E00', 'E90'],
  ['V', 'F00', 'F99'],
  ['VI', 'G00', 'G99'],
  ['VII', 'H00', 'H59'],
  ['VIII', 'H60', 'H95'],
  ['IX', 'I00', 'I99'],
  ['X', 'J00', 'J99'],
  ['XI', 'K00', 'K93'],
  ['XII', 'L00', 'L99'],
  ['XIII', 'M00', 'M99'],
  ['XIV', 'N00', 'N99'],
  ['XV', 'O00', 'O99'],
  ['XVI', 'P00', 'P96'],
  ['XVII', 'Q00', 'Q99'],
  ['XVIII', 'R00', 'R99'],
  ['XIX', 'S00', 'T98'],
  ['XX', 'V01', 'Y98'],
  ['XXI', 'Z00', 'Z99'],
  ['XXII', 'U00', 'U99'],
];
