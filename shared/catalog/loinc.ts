/**
 * LOINC codes end in a mod-10 check digit (the Luhn scheme, as LOINC's users' guide defines it):
 * checking it catches a mistyped digit in an imported list before it reaches a result.
 */
const LOINC_PATTERN = /^(\d{1,7})-(\d)$/;

export function isValidLoinc(code: string): boolean {
  const match = LOINC_PATTERN.exec(code);
  if (!match) return false;
  const [, body, check] = match as unknown as [string, string, string];
  return loincCheckDigit(body) === Number(check);
}

/** Doubles every other digit from the rightmost, sums the digits of everything, and completes to 10. */
export function loincCheckDigit(body: string): number {
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) {
    const digit = Number(body[body.length - 1 - index]);
    const value = index % 2 === 0 ? digit * 2 : digit;
    sum += value > 9 ? value - 9 : value;
  }
  return (10 - (sum % 10)) % 10;
}
