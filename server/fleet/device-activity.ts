import type { FastifyRequest } from 'fastify';
import { DEVICE_REPORT_HEADER, parseDeviceReport, type DeviceReport } from '../../shared/sync/device-report';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';

export type ContactKind = 'pull' | 'push' | 'stream';

/**
 * A contact of the same kind is written again only after this, unless the report changed. An
 * open stream is seen at each heartbeat (20 s): every ten minutes is plenty for states measured
 * in hours, and keeps 2,000 online PCs to a few writes a second.
 */
const WRITE_INTERVAL_MS: Record<ContactKind, number> = { pull: 60_000, push: 60_000, stream: 600_000 };
const COLUMN: Record<ContactKind, string> = { pull: 'last_pull_at', push: 'last_push_at', stream: 'last_stream_at' };

interface Written {
  at: Partial<Record<ContactKind, number>>;
  report?: string;
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
 * report on its `devices` row, cheaply: a row is written only when the report changed, or when
 * the last write of that kind by this process is a minute old (ten for streams). So a stored
 * time is at most that far behind, which the ok / late / silent states (measured in hours) cannot see, and a
 * busy PC costs one small UPDATE a minute instead of one per request. Several server processes
 * each keep their own memory: at most one write a minute each.
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
    const reportKey = report ? JSON.stringify(report) : undefined;
    const reportChanged = reportKey !== undefined && reportKey !== previous.report;
    const lastAt = previous.at[kind];
    const due = lastAt === undefined || now.getTime() - lastAt >= WRITE_INTERVAL_MS[kind] || now.getTime() < lastAt;
    if (!due && !reportChanged) return;
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
      at: { ...previous.at, [kind]: now.getTime() },
      ...(reportKey === undefined
        ? previous.report === undefined
          ? {}
          : { report: previous.report }
        : { report: reportKey }),
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
