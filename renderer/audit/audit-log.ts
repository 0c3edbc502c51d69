import {
  auditEntryHash,
  auditEntryId,
  GENESIS_HASH,
  type AuditAction,
  type AuditEntry,
} from '../../shared/audit/audit-entry';
import type { SenDatabase } from '../db/collections';

export interface AuditEvent {
  action: AuditAction;
  userId: string;
  /** Kept in the entry as typed at the time (a failed login may name no account) */
  username?: string;
  patientId?: string;
}

/** Where an audit event is written: the device's trail, or nowhere in tests that do not check it. */
export interface AuditRecorder {
  record(event: AuditEvent): Promise<void>;
}

/**
 * This device's append-only audit trail: each entry is chained to the previous one by hash and
 * pushed to the province (never pulled back). Appends are queued one after another, and the
 * chain continues from the newest stored entry, so a restart or a crash between two appends
 * cannot fork it.
 */
export class AuditLog implements AuditRecorder {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: SenDatabase,
    private readonly device: { deviceId: string; facilityCode: string },
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(event: AuditEvent): Promise<void> {
    const next = this.queue.then(() => this.append(event));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async append(event: AuditEvent): Promise<void> {
    const [last] = await this.database.audit.find({ selector: {}, sort: [{ seq: 'desc' }], limit: 1 }).exec();
    const seq = (last?.seq ?? 0) + 1;
    const content: Omit<AuditEntry, 'hash'> = {
      id: auditEntryId(this.device.deviceId, seq),
      facilityCode: this.device.facilityCode,
      deviceId: this.device.deviceId,
      seq,
      at: this.now().toISOString(),
      userId: event.userId,
      username: event.username ?? '',
      action: event.action,
      patientId: event.patientId ?? '',
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await this.database.audit.insert({ ...content, hash: await auditEntryHash(content) });
  }
}

/** For repositories used without an audit trail (a few unit and integration tests). */
export const NO_AUDIT: AuditRecorder = { record: () => Promise.resolve() };
