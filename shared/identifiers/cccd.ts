import { OLD_PROVINCE_CODES } from './old-province-codes';

export type Sex = 'male' | 'female';

export type CccdProblem = 'cccd-format' | 'cccd-place-code-unknown' | 'cccd-sex-mismatch' | 'cccd-birth-year-mismatch';

/**
 * Validates a 12-digit citizen ID (CCCD). Digits 1–3 are the place of birth registration,
 * digit 4 encodes century and sex (1900s: male 0 / female 1, 2000s: 2/3, 2100s: 4/5 …),
 * digits 5–6 are the last two digits of the birth year. There is no check digit, so the
 * cross-check against the sex and birth year entered is the only guard against a typo.
 *
 * Returns the first problem found, or null when the number is consistent.
 */
export function checkCccd(cccd: string, sex: Sex | undefined, birthYear: number | undefined): CccdProblem | null {
  if (!/^\d{12}$/.test(cccd)) return 'cccd-format';
  if (!cccd.startsWith('0') || !OLD_PROVINCE_CODES.has(cccd.slice(1, 3))) return 'cccd-place-code-unknown';

  const centuryAndSex = Number(cccd[3]);
  const encodedSex: Sex = centuryAndSex % 2 === 0 ? 'male' : 'female';
  if (sex !== undefined && sex !== encodedSex) return 'cccd-sex-mismatch';

  if (birthYear !== undefined) {
    const century = 1900 + Math.floor(centuryAndSex / 2) * 100;
    const encodedYear = century + Number(cccd.slice(4, 6));
    if (encodedYear !== birthYear) return 'cccd-birth-year-mismatch';
  }
  return null;
}
