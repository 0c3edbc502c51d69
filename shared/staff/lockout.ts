/**
 * Lockout after repeated wrong passwords on one PC: five tries, then a pause that doubles with
 * each further failure, from 5 minutes up to an hour. Kept per username on the device, so a
 * reload or restart does not reset it. Times come from the wall clock, which may be wrong: a
 * clock set back cannot lengthen a lock beyond the longest pause.
 */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 5 * 60_000;
const LONGEST_LOCK_MS = 60 * 60_000;

export interface FailedLogins {
  failures: number;
  /** ISO time of the lock's end; absent while under the free attempts */
  lockedUntil?: string;
}

export function recordFailure(previous: FailedLogins | undefined, now: Date): FailedLogins {
  const failures = (previous?.failures ?? 0) + 1;
  if (failures < FREE_ATTEMPTS) return { failures };
  const pause = Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS));
  return { failures, lockedUntil: new Date(now.getTime() + pause).toISOString() };
}

/** Milliseconds until another try is allowed; 0 when it is allowed now. */
export function lockRemainingMs(state: FailedLogins | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const remaining = Date.parse(state.lockedUntil) - now.getTime();
  return Math.max(0, Math.min(remaining, LONGEST_LOCK_MS));
}

export function attemptsLeft(state: FailedLogins | undefined): number {
  return Math.max(0, FREE_ATTEMPTS - (state?.failures ?? 0));
}
