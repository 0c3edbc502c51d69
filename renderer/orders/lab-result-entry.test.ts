import { describe, expect, it } from 'vitest';
import { labResultEntry, parseDecimal, referenceTextOf, resultFlagOf, type TestReference } from './lab-result-entry';

const glucose: TestReference = {
  code: 'SEN-XN-024',
  name: 'Glucose máu',
  resultType: 'numeric',
  unit: 'mmol/L',
  normalText: '',
  range: { low: 3.9, high: 6.4 },
  criticalLow: 2.5,
  criticalHigh: 22.2,
};
const urineGlucose: TestReference = {
  code: 'SEN-XN-053',
  name: 'Glucose niệu',
  resultType: 'qualitative',
  unit: '',
  normalText: 'Âm tính',
  range: null,
  criticalLow: null,
  criticalHigh: null,
};
const chestXray: TestReference = {
  code: 'SEN-DV-012',
  name: 'Chụp Xquang ngực thẳng',
  resultType: 'report',
  unit: '',
  normalText: '',
  range: null,
  criticalLow: null,
  criticalHigh: null,
};

describe('reading a typed number', () => {
  it('accepts the Vietnamese decimal comma as well as the point an analyser prints', () => {
    expect(parseDecimal('5,6')).toBe(5.6);
    expect(parseDecimal(' 5.6 ')).toBe(5.6);
    expect(parseDecimal('140')).toBe(140);
    expect(parseDecimal('-1,5')).toBe(-1.5);
    expect(parseDecimal('0, 8')).toBe(0.8);
  });

  it('refuses what is not one plain number', () => {
    for (const text of ['', 'abc', '5,6,7', '5.6.7', '1.234,5', ',5', '5,', '< 5', '5 mmol/L', 'Infinity', '1e3']) {
      expect(parseDecimal(text), text).toBeNull();
    }
  });
});

describe('the flag of a result', () => {
  it('puts critical limits before the range, and a value on a bound inside it', () => {
    expect(resultFlagOf(glucose, '2', 2)).toBe('critical-low');
    expect(resultFlagOf(glucose, '3,5', 3.5)).toBe('low');
    expect(resultFlagOf(glucose, '3,9', 3.9)).toBe('normal');
    expect(resultFlagOf(glucose, '6,4', 6.4)).toBe('normal');
    expect(resultFlagOf(glucose, '7', 7)).toBe('high');
    expect(resultFlagOf(glucose, '25', 25)).toBe('critical-high');
  });

  it('leaves a number unflagged when no range applies to the patient and no limit is passed', () => {
    expect(resultFlagOf({ ...glucose, range: null }, '7', 7)).toBe('');
    expect(resultFlagOf({ ...glucose, range: null }, '30', 30)).toBe('critical-high');
  });

  it('compares words with the normal answer without minding diacritics or case', () => {
    expect(resultFlagOf(urineGlucose, 'Âm tính', null)).toBe('normal');
    expect(resultFlagOf(urineGlucose, 'am tinh', null)).toBe('normal');
    expect(resultFlagOf(urineGlucose, 'Dương tính', null)).toBe('abnormal');
    expect(resultFlagOf({ ...urineGlucose, normalText: '' }, 'Dương tính', null)).toBe('');
    expect(resultFlagOf(chestXray, 'Bóng tim không to', null)).toBe('');
  });
});

describe('a result as entered', () => {
  it('keeps the value as typed, its number, the range that applied and the flag', () => {
    expect(labResultEntry(glucose, '7,2')).toEqual({
      ok: true,
      result: {
        testCode: 'SEN-XN-024',
        testName: 'Glucose máu',
        value: '7,2',
        numericValue: 7.2,
        unit: 'mmol/L',
        referenceLow: 3.9,
        referenceHigh: 6.4,
        referenceText: '3,9 – 6,4',
        flag: 'high',
      },
    });
  });

  it('stores a qualitative answer in NFC with the normal answer as its reference', () => {
    const entry = labResultEntry(urineGlucose, 'Du\u031bo\u031bng ti\u0301nh');
    expect(entry.ok && entry.result).toMatchObject({
      value: 'Dương tính',
      numericValue: null,
      referenceText: 'Âm tính',
      flag: 'abnormal',
    });
  });

  it('refuses an empty value, words for a numeric test, and an over-long one', () => {
    expect(labResultEntry(glucose, '   ')).toEqual({ ok: false, problem: 'empty' });
    expect(labResultEntry(glucose, 'cao')).toEqual({ ok: false, problem: 'not-a-number' });
    expect(labResultEntry(chestXray, 'x'.repeat(201))).toEqual({ ok: false, problem: 'too-long' });
    expect(labResultEntry(chestXray, 'Phổi sáng').ok).toBe(true);
  });

  it('prints one-sided ranges with their sign', () => {
    expect(referenceTextOf({ resultType: 'numeric', normalText: '', range: { low: null, high: 5 } })).toBe('≤ 5');
    expect(referenceTextOf({ resultType: 'numeric', normalText: '', range: { low: 60, high: null } })).toBe('≥ 60');
    expect(referenceTextOf({ resultType: 'numeric', normalText: '', range: null })).toBe('');
  });
});
