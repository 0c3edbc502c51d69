/** Daily by default: a district hospital loses at most one day's records with its PC. */
export const DEFAULT_BACKUP_INTERVAL_HOURS = 24;
const HOUR_MS = 3_600_000;

/**
 * When the next scheduled backup is due: an interval after the last one that succeeded, or
 * right away when backups are set up and none has been made yet.
 */
export function nextBackupAt(
  lastSucceededAt: string | null,
  setUpAt: string,
  intervalHours = DEFAULT_BACKUP_INTERVAL_HOURS,
): Date {
  const from = lastSucceededAt ?? setUpAt;
  const last = new Date(from).getTime();
  if (Number.isNaN(last)) throw new RangeError(`not a time: ${from}`);
  return lastSucceededAt === null ? new Date(last) : new Date(last + intervalHours * HOUR_MS);
}

export function isBackupDue(now: Date, next: Date): boolean {
  return now.getTime() >= next.getTime();
}

/** The file's name: the facility and the time, sortable, and nothing a file system refuses. */
export function backupFileName(facilityCode: string, at: Date): string {
  const stamp = at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `sen-${facilityCode}-${stamp}.senbak`;
}
