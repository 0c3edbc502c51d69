import type { ReferenceRange } from '../../shared/catalog/catalog-details';
import { abnormalFlag } from '../../shared/catalog/lab-reference-range';
import type { LabResult, ResultFlag } from '../../shared/clinical/observation-document';
import { foldVietnamese, normalizeText } from '../../shared/text/fold-vietnamese';

/**
 * What entering one ordered test's result needs to know, for this patient on this day:
 * `numeric` results are a number in `unit`, flagged against the range and critical limits;
 * `qualitative` ones are words compared with the normal answer; a `report` (imaging, a test the
 * catalog no longer lists) is free text with no flag.
 */
export interface TestReference {
  code: string;
  name: string;
  resultType: 'numeric' | 'qualitative' | 'report';
  unit: string;
  normalText: string;
  range: Pick<ReferenceRange, 'low' | 'high'> | null;
  criticalLow: number | null;
  criticalHigh: number | null;
}

export type ValueProblem = 'empty' | 'not-a-number' | 'too-long';

export type LabResultEntry = { ok: true; result: LabResult } | { ok: false; problem: ValueProblem };

/** The schema's limit on a result as typed. */
const MAX_VALUE_LENGTH = 200;
/** A plain decimal, with a point (as analysers print) or a comma (as Vietnamese write). */
const DECIMAL = /^[-+]?\d+(?:[.,]\d+)?$/;

/** "5,6" or "5.6" → 5.6; null when the text is not one plain decimal number. */
export function parseDecimal(text: string): number | null {
  const compact = text.trim().replace(/\s+/g, '');
  if (!DECIMAL.test(compact)) return null;
  const value = Number(compact.replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** 5.6 → "5,6": numbers shown the Vietnamese way. */
export function formatDecimal(value: number): string {
  return String(value).replace('.', ',');
}

/** The range as printed on a result sheet: "3,9 – 6,4", "≤ 5", "≥ 60", or the normal answer. */
export function referenceTextOf(test: Pick<TestReference, 'resultType' | 'range' | 'normalText'>): string {
  if (test.resultType === 'qualitative') return test.normalText;
  const range = test.range;
  if (test.resultType === 'report' || range === null) return '';
  if (range.low !== null && range.high !== null) return `${formatDecimal(range.low)} – ${formatDecimal(range.high)}`;
  if (range.high !== null) return `≤ ${formatDecimal(range.high)}`;
  return range.low === null ? '' : `≥ ${formatDecimal(range.low)}`;
}

/**
 * The flag of a result: for a number, critical limits first, then the range (none without a
 * range); for words, normal when they are the normal answer (diacritics and case aside).
 */
export function resultFlagOf(test: TestReference, value: string, numeric: number | null): ResultFlag {
  if (test.resultType === 'numeric') {
    if (numeric === null) return '';
    const flag = abnormalFlag(numeric, test.range, { criticalLow: test.criticalLow, criticalHigh: test.criticalHigh });
    return flag === 'no-range' ? '' : flag;
  }
  if (test.resultType === 'qualitative' && test.normalText !== '') {
    return foldVietnamese(value) === foldVietnamese(test.normalText) ? 'normal' : 'abnormal';
  }
  return '';
}

/**
 * A result as typed, checked and completed: the value kept as entered (NFC), its number, the
 * range that applied and the flag. A numeric test refuses anything but a number.
 */
export function labResultEntry(test: TestReference, typed: string): LabResultEntry {
  const value = normalizeText(typed);
  if (value === '') return { ok: false, problem: 'empty' };
  if (value.length > MAX_VALUE_LENGTH) return { ok: false, problem: 'too-long' };
  const numeric = parseDecimal(value);
  if (test.resultType === 'numeric' && numeric === null) return { ok: false, problem: 'not-a-number' };
  const range = test.resultType === 'numeric' ? test.range : null;
  return {
    ok: true,
    result: {
      testCode: test.code,
      testName: test.name,
      value,
      numericValue: test.resultType === 'numeric' ? numeric : null,
      unit: test.unit,
      referenceLow: range?.low ?? null,
      referenceHigh: range?.high ?? null,
      referenceText: referenceTextOf(test),
      flag: resultFlagOf(test, value, numeric),
    },
  };
}
