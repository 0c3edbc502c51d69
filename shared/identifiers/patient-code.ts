/**
 * Human-facing patient code: the 5-digit facility code, a dash and 8 Crockford base-32
 * characters (40 random bits). Codes are issued offline on many PCs at once, so they rely on
 * randomness rather than a counter: at 100,000 patients per facility the chance that any two
 * collide is below 0.5 %, and the server checks uniqueness again. No I, L, O or U: read aloud
 * or copied by hand they are mistaken for digits.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newPatientCode(facilityCode: string, randomBytes: (length: number) => Uint8Array): string {
  const bytes = randomBytes(8);
  let suffix = '';
  for (const byte of bytes) suffix += CROCKFORD.charAt(byte & 31);
  return `${facilityCode}-${suffix}`;
}

export const PATIENT_CODE_PATTERN = /^\d{5}-[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * A code as people read it aloud: the facility, then the suffix in two groups of four
 * (`10010-WJYR-S2BW`). Display only: the stored code keeps its one dash.
 */
export function displayPatientCode(code: string): string {
  const match = /^(\d{5})-([0-9A-Z]{4})([0-9A-Z]{4})$/.exec(code);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : code;
}

/**
 * A code (or its beginning) as someone typed it, in the stored form: dashes and spaces are
 * optional, case does not matter, and the letters Crockford's alphabet leaves out are read as
 * the digits they are mistaken for (I, L → 1; O → 0). Null when it cannot begin a code.
 */
export function typedPatientCode(text: string): string | null {
  const compact = text
    .replace(/[\s.-]/g, '')
    .toUpperCase()
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (!/^\d{1,5}$|^\d{5}[0-9A-HJKMNP-TV-Z]{1,8}$/.test(compact)) return null;
  return compact.length > 5 ? `${compact.slice(0, 5)}-${compact.slice(5)}` : compact;
}
