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
