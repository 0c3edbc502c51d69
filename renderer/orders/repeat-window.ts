import type { ResultFlag } from '../../shared/clinical/observation-document';

const DAY_MS = 86_400_000;

/**
 * Whether something done at `earlierAt` (a device time, ISO) still counts at `now` for a test
 * valid `validityDays` days: 0 means the test is never considered a repeat. A time after `now`
 * (another PC's clock running ahead) counts as recent: warning once too often beats missing one.
 */
export function isWithinValidity(earlierAt: string, now: Date, validityDays: number): boolean {
  if (validityDays <= 0) return false;
  const earlier = Date.parse(earlierAt);
  if (Number.isNaN(earlier)) return false;
  return now.getTime() - earlier < validityDays * DAY_MS;
}

/** The earliest device time still inside the longest of these windows, to bound a query. */
export function windowStart(now: Date, validityDays: number): string {
  return new Date(now.getTime() - Math.max(0, validityDays) * DAY_MS).toISOString();
}

/** A test about to be ordered, with how long its results stay valid (from the catalog). */
export interface TestToCheck {
  code: string;
  validityDays: number;
}

export interface EarlierResult {
  observationId: string;
  code: string;
  value: string;
  unit: string;
  flag: ResultFlag;
  recordedAt: string;
  /** Where it was done, for a result fetched from another facility (none: this facility's). */
  facility?: { code: string; name: string };
}

export interface EarlierOrder {
  orderId: string;
  code: string;
  orderedAt: string;
}

/** A test the patient already had (or has waiting) within its validity: what the doctor sees first. */
export interface RepeatWarning {
  code: string;
  validityDays: number;
  /** The latest result within the window, if any. */
  result: EarlierResult | null;
  /** An order of the same test still open within the window, if any. */
  openOrder: EarlierOrder | null;
}

const latest = <T>(items: T[], at: (item: T) => string): T | null =>
  items.reduce<T | null>((best, item) => (best === null || at(item) > at(best) ? item : best), null);

/**
 * For each test, the patient's latest result and latest open order of the same code inside the
 * test's validity window; tests with neither are left out. Pure: the repository gathers the
 * patient's results and open orders, this decides what counts.
 */
export function findRepeats(
  tests: readonly TestToCheck[],
  results: readonly EarlierResult[],
  openOrders: readonly EarlierOrder[],
  now: Date,
): RepeatWarning[] {
  const warnings: RepeatWarning[] = [];
  for (const test of tests) {
    const valid = (code: string, at: string): boolean =>
      code === test.code && isWithinValidity(at, now, test.validityDays);
    const result = latest(
      results.filter((candidate) => valid(candidate.code, candidate.recordedAt)),
      (candidate) => candidate.recordedAt,
    );
    const openOrder = latest(
      openOrders.filter((candidate) => valid(candidate.code, candidate.orderedAt)),
      (candidate) => candidate.orderedAt,
    );
    if (result || openOrder) warnings.push({ code: test.code, validityDays: test.validityDays, result, openOrder });
  }
  return warnings;
}
