import { describe, expect, it } from 'vitest';
import { catalogEntryFixture, GLUCOSE } from '../../test/helpers/catalog-fixtures';
import { abnormalFlag, ageInYears, referenceRangeFor, referenceRangeOn } from './lab-reference-range';

describe('reference ranges by sex and age on the day of the test', () => {
  it('counts completed years on the test date', () => {
    expect(ageInYears('2010-06-15', '2026-06-14')).toBe(15);
    expect(ageInYears('2010-06-15', '2026-06-15')).toBe(16);
    expect(ageInYears('2008-02-29', '2026-02-28')).toBe(17);
  });

  it("gives a child the child's range until the 16th birthday, then the adult range of their sex", () => {
    const child = referenceRangeFor(GLUCOSE, { sex: 'female', dateOfBirth: '2010-06-15' }, '2026-06-14');
    expect(child).toMatchObject({ sex: 'any', low: 3.3, high: 5.6 });
    const adult = referenceRangeFor(GLUCOSE, { sex: 'female', dateOfBirth: '2010-06-15' }, '2026-06-15');
    expect(adult).toMatchObject({ sex: 'female', low: 3.9 });
  });

  it("prefers the range of the patient's own sex over one for either", () => {
    const test = {
      referenceRanges: [
        { sex: 'any' as const, minAgeYears: 0, maxAgeYears: null, low: 1, high: 2 },
        { sex: 'male' as const, minAgeYears: 0, maxAgeYears: null, low: 62, high: 120 },
      ],
    };
    expect(referenceRangeFor(test, { sex: 'male', dateOfBirth: '1970-01-01' }, '2026-01-01')?.low).toBe(62);
    expect(referenceRangeFor(test, { sex: 'female', dateOfBirth: '1970-01-01' }, '2026-01-01')?.low).toBe(1);
  });

  it('uses the version of the test in force on the day of the test', () => {
    const old = catalogEntryFixture('lab-test', 'SEN-XN-024', 'Glucose máu', GLUCOSE, { effectiveFrom: '2020-01-01' });
    const lowered = { ...GLUCOSE, referenceRanges: GLUCOSE.referenceRanges.map((range) => ({ ...range, high: 5.6 })) };
    const current = catalogEntryFixture('lab-test', 'SEN-XN-024', 'Glucose máu', lowered, {
      effectiveFrom: '2026-01-01',
    });
    const patient = { sex: 'male' as const, dateOfBirth: '1970-01-01' };
    expect(referenceRangeOn([old, current], patient, '2025-12-31')?.high).toBe(6.4);
    expect(referenceRangeOn([old, current], patient, '2026-01-01')?.high).toBe(5.6);
    expect(referenceRangeOn([old, current], patient, '2019-01-01')).toBeNull();
  });

  it('has no range for a patient the list does not cover', () => {
    const adultsOnly = {
      referenceRanges: [{ sex: 'any' as const, minAgeYears: 16, maxAgeYears: null, low: 1, high: 2 }],
    };
    expect(referenceRangeFor(adultsOnly, { sex: 'male', dateOfBirth: '2020-01-01' }, '2026-01-01')).toBeNull();
  });
});

describe('the abnormal flag of a numeric result', () => {
  const range = { low: 3.9, high: 6.4 };

  it('is low, normal or high against the range, a bound being normal', () => {
    expect(abnormalFlag(3.8, range, GLUCOSE)).toBe('low');
    expect(abnormalFlag(3.9, range, GLUCOSE)).toBe('normal');
    expect(abnormalFlag(6.4, range, GLUCOSE)).toBe('normal');
    expect(abnormalFlag(7, range, GLUCOSE)).toBe('high');
  });

  it('is critical beyond the critical limits, before the range is looked at', () => {
    expect(abnormalFlag(2.4, range, GLUCOSE)).toBe('critical-low');
    expect(abnormalFlag(2.5, range, GLUCOSE)).toBe('low');
    expect(abnormalFlag(25, range, GLUCOSE)).toBe('critical-high');
    expect(abnormalFlag(25, null, GLUCOSE)).toBe('critical-high');
  });

  it('handles one-sided ranges and tests without a range', () => {
    const noLimits = { criticalLow: null, criticalHigh: null };
    expect(abnormalFlag(50, { low: null, high: 40 }, noLimits)).toBe('high');
    expect(abnormalFlag(0, { low: null, high: 40 }, noLimits)).toBe('normal');
    expect(abnormalFlag(0.5, { low: 0.9, high: null }, noLimits)).toBe('low');
    expect(abnormalFlag(5, null, noLimits)).toBe('no-range');
  });
});
