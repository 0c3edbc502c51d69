import { describe, expect, it } from 'vitest';
import { checkCccd, type Sex } from '../../shared/identifiers/cccd';

describe('CCCD validation', () => {
  const valid: [string, Sex, number, string][] = [
    ['001190012345', 'female', 1990, 'Hà Nội, woman born 1990'],
    ['079090012345', 'male', 1990, 'Hồ Chí Minh, man born 1990'],
    ['010205012345', 'male', 2005, 'Lào Cai, boy born 2005'],
    ['096310012345', 'female', 2010, 'Cà Mau, girl born 2010'],
    ['001099012345', 'male', 1999, 'man born 1999'],
    ['001400012345', 'male', 2100, 'man born 2100'],
  ];
  it.each(valid)('accepts %s (%s, %i: %s)', (cccd, sex, year) => {
    expect(checkCccd(cccd, sex, year)).toBeNull();
  });

  it.each(['', '00119001234', '0011900123456', '00119001234a', '001 190 012345', '１２３４５６７８９０１２'])(
    'refuses %j as not 12 digits',
    (cccd) => {
      expect(checkCccd(cccd, 'female', 1990)).toBe('cccd-format');
    },
  );

  it.each(['003190012345', '099190012345', '100190012345', '000190012345', '050190012345'])(
    'refuses %s whose place code is not a province',
    (cccd) => {
      expect(checkCccd(cccd, 'female', 1990)).toBe('cccd-place-code-unknown');
    },
  );

  it('refuses a number whose 4th digit says male for a woman, and the reverse', () => {
    expect(checkCccd('001090012345', 'female', 1990)).toBe('cccd-sex-mismatch');
    expect(checkCccd('001190012345', 'male', 1990)).toBe('cccd-sex-mismatch');
    expect(checkCccd('001390012345', 'male', 2090)).toBe('cccd-sex-mismatch');
  });

  it('refuses a number whose digits 4–6 give another birth year', () => {
    expect(checkCccd('001190012345', 'female', 1991)).toBe('cccd-birth-year-mismatch');
    // right two digits, wrong century: 1 means the 1900s, not the 2000s
    expect(checkCccd('001190012345', 'female', 2090)).toBe('cccd-birth-year-mismatch');
  });

  it('checks only the format and place when sex and year are not known yet', () => {
    expect(checkCccd('001190012345', undefined, undefined)).toBeNull();
  });
});
