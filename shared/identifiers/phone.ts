export type PhoneProblem = 'phone-format';

/** Removes spaces, dots and dashes and turns +84 into the domestic leading 0. */
export function normalizePhone(input: string): string {
  const compact = input.replace(/[\s.-]/g, '');
  return compact.startsWith('+84') ? `0${compact.slice(3)}` : compact;
}

/** Vietnamese numbers: mobile 10 digits (0 + 9), landline 11 digits (02x + 8). */
export function checkPhone(phone: string): PhoneProblem | null {
  return /^0\d{9,10}$/.test(phone) ? null : 'phone-format';
}
