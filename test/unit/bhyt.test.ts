import { describe, expect, it } from 'vitest';
import { checkBhyt, normalizeBhyt } from '../../shared/identifiers/bhyt';

describe('BHYT card validation', () => {
  it.each(['DN4010123456789', 'HT3790123456789', 'TE1150000000001', 'GD5960123456789'])(
    'accepts the old 15-character card %s',
    (code) => {
      expect(checkBhyt(code)).toBeNull();
    },
  );

  it.each(['0123456789', '7912345678'])('accepts the 10-digit card %s', (code) => {
    expect(checkBhyt(code)).toBeNull();
  });

  it.each([
    '',
    '012345678',
    '01234567890',
    'DN401012345678',
    'DN40101234567890',
    'D14010123456789',
    '12',
    'DN4O10123456789',
  ])('refuses %j as neither form', (code) => {
    expect(checkBhyt(code)).toBe('bhyt-format');
  });

  it.each(['DN0010123456789', 'DN6010123456789', 'DN9010123456789'])(
    'refuses %s whose benefit level is not 1–5',
    (code) => {
      expect(checkBhyt(code)).toBe('bhyt-benefit-level');
    },
  );

  it.each(['DN4000123456789', 'DN4030123456789', 'DN4990123456789'])(
    'refuses %s whose province code is unknown',
    (code) => {
      expect(checkBhyt(code)).toBe('bhyt-province-code-unknown');
    },
  );

  it('normalises the way a card number is typed', () => {
    expect(normalizeBhyt(' dn 4 01 0123456789 ')).toBe('DN4010123456789');
    expect(normalizeBhyt('0123-456-789')).toBe('0123456789');
  });
});
