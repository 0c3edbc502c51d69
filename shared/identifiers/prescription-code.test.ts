import { describe, expect, it } from 'vitest';
import { PRESCRIPTION_CODE_PATTERN } from '../clinical/clinical-problems';
import { crockfordDigits, deviceTagOf } from './device-tag';
import { prescriptionCode } from './prescription-code';

describe('prescription codes', () => {
  it('are the facility, the PC tag, its serial and the type, in the pattern the server checks', () => {
    const code = prescriptionCode('10010', deviceTagOf(33), 1234, 'C');
    // 33 = 1·32 + 1 → "11"; 1234 = 1·32² + 6·32 + 18 → "0016J"
    expect(code).toBe('10010110016JC');
    expect(PRESCRIPTION_CODE_PATTERN.test(code)).toBe(true);
    expect(crockfordDigits(32 ** 5 - 1, 5)).toBe('ZZZZZ');
  });

  it('never repeat across PCs or serials', () => {
    const codes = new Set<string>();
    for (let tag = 0; tag < 40; tag++)
      for (let serial = 0; serial < 200; serial++) codes.add(prescriptionCode('10010', deviceTagOf(tag), serial, 'C'));
    expect(codes.size).toBe(40 * 200);
  });

  it('refuses a tag, serial or facility that cannot be written', () => {
    expect(() => deviceTagOf(1024)).toThrow(RangeError);
    expect(() => prescriptionCode('10010', '0I', 1, 'C')).toThrow(RangeError);
    expect(() => prescriptionCode('10010', '00', 32 ** 5, 'C')).toThrow(RangeError);
    expect(() => prescriptionCode('1001', '00', 1, 'C')).toThrow(RangeError);
  });
});
