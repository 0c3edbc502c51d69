/**
 * What a code of each kind looks like. Codes are stored exactly as published (never truncated,
 * never rewritten); these patterns only refuse what cannot be a code of that list.
 */

/** ICD-10: a letter, two digits, and optionally a dot with one or two more (A09, J18.9, S72.00). */
export const ICD10_CODE_PATTERN = /^[A-Z]\d{2}(\.\d{1,2})?$/;

/** The ministry's lab indicator code: 7 digits (DOMAIN.md). */
export const MINISTRY_LAB_CODE_PATTERN = /^\d{7}$/;

/**
 * Sen's own codes, for entries whose ministry code could not be verified from a public source.
 * The `SEN-` prefix cannot be mistaken for any ministry code (those are digits, or digits and
 * dots), so a local code is never taken for an official one; the ministry's code replaces it in
 * a later version of the entry when the province imports the official list.
 */
export const LOCAL_CODE_PATTERNS = {
  'lab-test': /^SEN-XN-\d{3,4}$/,
  drug: /^SEN-T-\d{4}$/,
  service: /^SEN-DV-\d{3,4}$/,
} as const;

/** Drugs and services as the ministry's lists code them: letters, digits, dots and dashes. */
export const PUBLISHED_CODE_PATTERN = /^[0-9A-Z][0-9A-Z.\-/]{0,29}$/;

/** Departments: the facility's own short codes (K01, KKB …). */
export const DEPARTMENT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9.-]{0,9}$/;

/** Facilities: 5 digits, the old province code and a sequence (DOMAIN.md). */
export const FACILITY_CODE_PATTERN = /^\d{5}$/;

export function isLocalCode(code: string): boolean {
  return code.startsWith('SEN-');
}
