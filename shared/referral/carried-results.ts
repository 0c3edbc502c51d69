import type { ObservationDocument, ResultFlag } from '../clinical/observation-document';
import type { CarriedResult, ReferralDocument } from './referral-document';

/** A lab result of the sending facility as a referral carries it; null for anything but one. */
export function carriedResultOf(observation: ObservationDocument): CarriedResult | null {
  if (observation.kind !== 'lab-result' || observation.lab === null) return null;
  return {
    ...observation.lab,
    observationId: observation.id,
    recordedAt: observation.recordedAt,
    facilityCode: observation.facilityCode,
  };
}

/** The word a paper writes beside an out-of-range value (a Vietnamese document whatever the screen). */
const FLAG_WORDS: Record<ResultFlag, string> = {
  '': '',
  normal: '',
  low: 'thấp',
  high: 'cao',
  'critical-low': 'thấp, nguy hiểm',
  'critical-high': 'cao, nguy hiểm',
  abnormal: 'bất thường',
};

/** The reference range as the lab gave it: its text, else low–high, else ''. */
export function referenceRangeText(result: Pick<CarriedResult, 'referenceText' | 'referenceLow' | 'referenceHigh'>) {
  if (result.referenceText !== '') return result.referenceText;
  const { referenceLow: low, referenceHigh: high } = result;
  if (low !== null && high !== null) return `${String(low)}–${String(high)}`;
  if (low !== null) return `≥ ${String(low)}`;
  if (high !== null) return `≤ ${String(high)}`;
  return '';
}

/**
 * One carried result as the paper and the receiver read it: "Glucose máu: 9.1 mmol/L (cao;
 * tham chiếu 3.9–6.4)". When and where are written beside it by whoever lays it out.
 */
export function carriedResultLine(result: CarriedResult): string {
  const value = [result.value, result.unit].filter((part) => part !== '').join(' ');
  const notes = [FLAG_WORDS[result.flag], referenceRangeText(result)]
    .map((note, index) => (index === 1 && note !== '' ? `tham chiếu ${note}` : note))
    .filter((note) => note !== '');
  return `${result.testName}: ${value}${notes.length === 0 ? '' : ` (${notes.join('; ')})`}`;
}

/** Carried results oldest first, as the paper lists them. */
export function inPaperOrder(results: readonly CarriedResult[]): CarriedResult[] {
  return [...results].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
}

/**
 * "Tests done and their results" as one text, for documents that have only a text field for it
 * (the claim's XML13, HoSoBenhAn): each carried result with its day (yyyy-MM-dd, as recorded),
 * then what the doctor typed.
 */
export function testsDoneText(referral: Pick<ReferralDocument, 'results' | 'testsDone'>): string {
  const lines = inPaperOrder(referral.results ?? []).map(
    (result) => `${carriedResultLine(result)} (${result.recordedAt.slice(0, 10)})`,
  );
  return [...lines, referral.testsDone].filter((line) => line.trim() !== '').join('\n');
}
