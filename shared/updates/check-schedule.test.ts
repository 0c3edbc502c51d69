import { describe, expect, it } from 'vitest';
import { CHECK_AFTER_SYNC_GAP_MS, CHECK_INTERVAL_MS, dueAfterSync, nextCheckDelay } from './check-schedule';

describe('when a PC asks the province for a newer version', () => {
  it('waits the regular interval after an answer, and backs off after failures up to it', () => {
    expect(nextCheckDelay(0)).toBe(CHECK_INTERVAL_MS);
    expect([1, 2, 3, 4].map((failures) => nextCheckDelay(failures))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(nextCheckDelay(20)).toBe(CHECK_INTERVAL_MS);
  });

  it('checks after a sync only when the last check is old enough, or the clock went back', () => {
    expect(dueAfterSync(null, 1000)).toBe(true);
    expect(dueAfterSync(0, CHECK_AFTER_SYNC_GAP_MS - 1)).toBe(false);
    expect(dueAfterSync(0, CHECK_AFTER_SYNC_GAP_MS)).toBe(true);
    expect(dueAfterSync(10_000, 5_000)).toBe(true);
  });
});
