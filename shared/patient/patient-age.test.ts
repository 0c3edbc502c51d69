import { describe, expect, it } from 'vitest';
import { birthDateAgeCheck, patientAge } from './patient-age';

describe('patient age', () => {
  it('counts completed months under two years, completed years from then on', () => {
    expect(patientAge('2025-06-15', '2026-06-14')).toEqual({ unit: 'months', count: 11 });
    expect(patientAge('2024-06-15', '2026-06-14')).toEqual({ unit: 'months', count: 23 });
    expect(patientAge('2024-06-15', '2026-06-15')).toEqual({ unit: 'years', count: 2 });
    expect(patientAge('1990-03-12', '2026-03-11')).toEqual({ unit: 'years', count: 35 });
    expect(patientAge('2026-12-01', '2026-11-30')).toEqual({ unit: 'months', count: 0 });
  });

  it('refuses over 120 years, asks to check over 100, and leaves the rest alone', () => {
    expect(birthDateAgeCheck('1892-03-12', '2026-12-03')).toBe('too-old');
    expect(birthDateAgeCheck('1905-12-03', '2026-12-03')).toBe('too-old');
    expect(birthDateAgeCheck('1905-12-04', '2026-12-03')).toBe('unusual');
    expect(birthDateAgeCheck('1925-12-02', '2026-12-03')).toBe('unusual');
    expect(birthDateAgeCheck('1925-12-04', '2026-12-03')).toBeNull();
    expect(birthDateAgeCheck('2026-01-01', '2026-12-03')).toBeNull();
  });
});
