import type { FastifyRequest } from 'fastify';
import { DEVICE_REPORT_HEADER, parseDeviceReport, type DeviceReport } from '../../shared/sync/device-report';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import { isMeaningfulReportChange } from './report-change';

export type ContactKind = 'pull' | 'push' | 'stream';

/**
 * A contact of the same kind is written again only after this, unless the report changed. An
 * open stream is seen at each heartbeat (20 s): every ten minutes is plenty for states measured
 * in hours, and keeps 2,000 online PCs to a few writes a second.
 */
const WRITE_INTERVAL_MS: Record<ContactKind, number> = { pull: 60_000, push: 60_000, stream: 600_000 };
/** A report whose counts only moved along (report-change.ts) is written at most this often. */
const PROGRESS_INTERVAL_MS = 10_000;
const COLUMN: Record<ContactKind, string> = { pull: 'last_pull_at', push: 'last_push_at', stream: 'last_stream_at' };

interface Written {
  at: Partial<Record<ContactKind, number>>;
  report?: DeviceReport;
  reportAt?: number;
}

/** The report a sync request carries, or null when an older client sent none; 400 if malformed. */
export function readDeviceReport(request: FastifyRequest): DeviceReport | null {
  const header = request.headers[DEVICE_REPORT_HEADER];
  if (header === undefined) return null;
  const parsed = parseDeviceReport(Array.isArray(header) ? (header[0] ?? '') : header);
  if (!parsed.ok) throw new HttpError(400, 'invalid-request', parsed.reason);
  return parsed.report;
}

/**
 * Keeps each PC's last pull, push and live-stream times (the server's clock) and its latest
 * report on its `devices` row, cheaply: a row is written when the report changed meaningfully
 * (report-change.ts), when its counts moved and the last report write is 10 s old, or when the
 * last write of that kind by this process is a minute old (ten for streams). So a stored time is
 * at most that far behind, which the ok / late / silent states (measured in hours) cannot see,
 * and a PC pushing a backlog or downloading its first sync page after page costs one small
 * UPDATE every 10 s instead of one per request. Several server processes each keep their own
 * memory: at most that often each.
 */
export class DeviceActivity {
  private readonly written = new Map<string, Written>();

  constructor(
    private readonly database: SqlExecutor,
    private readonly clock: () => Date,
  ) {}

  async record(deviceId: string, kind: ContactKind, report: DeviceReport | null): Promise<void> {
    const now = this.clock();
    const previous = this.written.get(deviceId) ?? { at: {} };
    const elapsedSince = (at: number | undefined, interval: number) =>
      at === undefined || now.getTime() - at >= interval || now.getTime() < at;
    const reportChanged = report !== null && JSON.stringify(report) !== JSON.stringify(previous.report ?? null);
    const reportDue =
      report !== null &&
      (isMeaningfulReportChange(previous.report, report) ||
        (reportChanged && elapsedSince(previous.reportAt, PROGRESS_INTERVAL_MS)));
    if (!elapsedSince(previous.at[kind], WRITE_INTERVAL_MS[kind]) && !reportDue) return;
    await this.database.query(
      report
        ? `UPDATE devices SET ${COLUMN[kind]} = $2, reported_at = $2, app_version = $3, outbox_backlog = $4,
             audit_backlog = $5, quarantined = $6, first_sync_done = $7, first_sync_total = $8
           WHERE id = $1`
        : `UPDATE devices SET ${COLUMN[kind]} = $2 WHERE id = $1`,
      report
        ? [
            deviceId,
            now.toISOString(),
            report.appVersion,
            report.backlog,
            report.auditBacklog,
            report.quarantined,
            report.firstSync?.done ?? null,
            report.firstSync?.total ?? null,
          ]
        : [deviceId, now.toISOString()],
    );
    this.written.set(deviceId, {
      ...previous,
      at: { ...previous.at, [kind]: now.getTime() },
      ...(report === null ? {} : { report, reportAt: now.getTime() }),
    });
  }

  /** Records a contact without letting a failure to write it fail the sync request. */
  recordQuietly(
    deviceId: string,
    kind: ContactKind,
    report: DeviceReport | null,
    log: FastifyRequest['log'],
  ): Promise<void> {
    return this.record(deviceId, kind, report).catch((error: unknown) =>
      log.error({ err: error, deviceId }, 'could not record device activity'),
    );
  }
}
