import type { DeviceReport } from '../../shared/sync/device-report';

/**
 * Whether a new report changes what the fleet page tells an admin, so it is worth a write at
 * once: another app version, a different quarantine count, an outbox that emptied or began to
 * fill, a first download that started or finished. Counts that only move along (a backlog
 * shrinking page by page, a first sync's progress) wait for the periodic write instead.
 */
export function isMeaningfulReportChange(previous: DeviceReport | undefined, next: DeviceReport): boolean {
  if (previous === undefined) return true;
  const emptied = (before: number, after: number) => (before === 0) !== (after === 0);
  // No first sync under way and one that has finished tell the admin the same thing.
  const finished = (report: DeviceReport) =>
    report.firstSync === null || report.firstSync.done >= report.firstSync.total;
  return (
    previous.appVersion !== next.appVersion ||
    previous.quarantined !== next.quarantined ||
    emptied(previous.backlog, next.backlog) ||
    emptied(previous.auditBacklog, next.auditBacklog) ||
    finished(previous) !== finished(next)
  );
}
