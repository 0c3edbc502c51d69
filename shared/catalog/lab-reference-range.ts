import type { CatalogEntryOf } from './catalog-entry';
import type { LabTestDetails, ReferenceRange } from './catalog-details';
import { versionInForce } from './entry-in-force';
import type { PatientSex } from './icd10-rules';

/** Completed years between a date of birth and a date (both yyyy-MM-dd). */
export function ageInYears(dateOfBirth: string, onDate: string): number {
  const [birthYear = 0, birthMonth = 0, birthDay = 0] = dateOfBirth.split('-').map(Number);
  const [year = 0, month = 0, day = 0] = onDate.split('-').map(Number);
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}

/**
 * The reference range that applies to a patient on the day of the test: age is counted on the
 * test's date (a child's result taken the day before their 16th birthday keeps the child's
 * range), and a range for the patient's own sex wins over one for either sex. Pass the version of
 * the test in force on that date (entry-in-force.ts). Null when the list gives no range for them.
 */
export function referenceRangeFor(
  test: Pick<LabTestDetails, 'referenceRanges'>,
  patient: { sex: PatientSex; dateOfBirth: string },
  testDate: string,
): ReferenceRange | null {
  const age = ageInYears(patient.dateOfBirth, testDate);
  const fitting = test.referenceRanges.filter(
    (range) =>
      (range.sex === 'any' || range.sex === patient.sex) &&
      age >= range.minAgeYears &&
      (range.maxAgeYears === null || age < range.maxAgeYears),
  );
  return fitting.find((range) => range.sex === patient.sex) ?? fitting[0] ?? null;
}

/** The range of the test's version in force on the day of the test (a list may change its ranges). */
export function referenceRangeOn(
  versions: readonly CatalogEntryOf<'lab-test'>[],
  patient: { sex: PatientSex; dateOfBirth: string },
  testDate: string,
): ReferenceRange | null {
  const test = versionInForce(versions, testDate);
  return test === null ? null : referenceRangeFor(test.details, patient, testDate);
}

export type AbnormalFlag = 'critical-low' | 'low' | 'normal' | 'high' | 'critical-high' | 'no-range';

/**
 * The flag of a numeric result: beyond the test's critical limits first (those call for the
 * doctor at once, whatever the range), then below or above the reference range. A value on a
 * bound is inside the range.
 */
export function abnormalFlag(
  value: number,
  range: Pick<ReferenceRange, 'low' | 'high'> | null,
  critical: Pick<LabTestDetails, 'criticalLow' | 'criticalHigh'>,
): AbnormalFlag {
  if (critical.criticalLow !== null && value < critical.criticalLow) return 'critical-low';
  if (critical.criticalHigh !== null && value > critical.criticalHigh) return 'critical-high';
  if (range === null) return 'no-range';
  if (range.low !== null && value < range.low) return 'low';
  if (range.high !== null && value > range.high) return 'high';
  return 'normal';
}
