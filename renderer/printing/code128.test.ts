import { describe, expect, it } from 'vitest';
import { CODE128_PATTERNS, CODE128_STOP, code128Bars, code128BSymbols, isCode128B } from './code128';

const sum = (digits: string): number => Array.from(digits).reduce((total, digit) => total + Number(digit), 0);

describe('Code 128', () => {
  it('has 106 distinct symbols of 11 modules, bars even and spaces odd, as the standard’s parity', () => {
    expect(CODE128_PATTERNS).toHaveLength(106);
    expect(new Set(CODE128_PATTERNS).size).toBe(106);
    for (const pattern of CODE128_PATTERNS) {
      expect(sum(pattern)).toBe(11);
      const bars = pattern.charAt(0) + pattern.charAt(2) + pattern.charAt(4);
      expect(sum(bars) % 2).toBe(0);
    }
    expect(sum(CODE128_STOP)).toBe(13);
  });

  it('encodes in code set B with the weighted modulo-103 check symbol', () => {
    // Worked by hand: 104 + 48·1 + 42·2 + 42·3 + 17·4 + 18·5 + 19·6 + 35·7 = 879 ≡ 55 (mod 103).
    expect(code128BSymbols('PJJ123C')).toEqual([104, 48, 42, 42, 17, 18, 19, 35, 55]);
  });

  it('lays a prescription code out as 11 modules a symbol plus the 13-module stop', () => {
    const code = '10010T012345C';
    const { bars, modules } = code128Bars(code);
    expect(modules).toBe(11 * (code.length + 2) + 13);
    // Three bars a symbol, four in the stop.
    expect(bars).toHaveLength(3 * (code.length + 2) + 4);
    expect(bars[0]).toEqual([0, 2]);
  });

  it('refuses text outside printable ASCII rather than printing a wrong barcode', () => {
    expect(isCode128B('Đơn')).toBe(false);
    expect(() => code128BSymbols('Đơn')).toThrow();
  });
});
