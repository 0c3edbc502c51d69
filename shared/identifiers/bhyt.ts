import { OLD_PROVINCE_CODES } from './old-province-codes';

export type BhytProblem = 'bhyt-format' | 'bhyt-benefit-level' | 'bhyt-province-code-unknown';

const OLD_CARD = /^([A-Z]{2})(\d)(\d{2})(\d{10})$/;
const NEW_CARD = /^\d{10}$/;

/** Upper-cases and removes spaces and dashes, the ways a card number is typed from the card. */
export function normalizeBhyt(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

/**
 * Health-insurance card code. Two forms circulate: the old 15-character code
 * (2-letter group + benefit level 1–5 + 2-digit province + 10-digit social-insurance number,
 * e.g. DN4010123456789) and, on cards since 2021, the 10-digit social-insurance number alone.
 */
export function checkBhyt(code: string): BhytProblem | null {
  if (NEW_CARD.test(code)) return null;
  const oldCard = OLD_CARD.exec(code);
  if (!oldCard) return 'bhyt-format';
  const [, , benefitLevel, provinceCode] = oldCard;
  if (!benefitLevel || Number(benefitLevel) < 1 || Number(benefitLevel) > 5) return 'bhyt-benefit-level';
  if (!provinceCode || !OLD_PROVINCE_CODES.has(provinceCode)) return 'bhyt-province-code-unknown';
  return null;
}
