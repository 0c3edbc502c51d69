/** How often a PC asks the province for a newer version when all is well. */
export const CHECK_INTERVAL_MS = 6 * 60 * 60 * 1000;
/** After a successful sync a PC asks again, but not more often than this. */
export const CHECK_AFTER_SYNC_GAP_MS = 15 * 60 * 1000;
const FIRST_RETRY_MS = 60 * 1000;

/**
 * When to ask the feed next: the regular interval after an answer, sooner after a failure (the
 * link was down), backing off 1, 2, 4… minutes so that a province's PCs coming back together do
 * not all ask at once, but never later than the regular interval.
 */
export function nextCheckDelay(failuresInARow: number, intervalMs = CHECK_INTERVAL_MS): number {
  if (failuresInARow <= 0) return intervalMs;
  return Math.min(intervalMs, FIRST_RETRY_MS * 2 ** (failuresInARow - 1));
}

/** Whether a successful sync should trigger a check now, given when the last one ran. */
export function dueAfterSync(lastCheckAtMs: number | null, nowMs: number, gapMs = CHECK_AFTER_SYNC_GAP_MS): boolean {
  return lastCheckAtMs === null || nowMs - lastCheckAtMs >= gapMs || nowMs < lastCheckAtMs;
}
