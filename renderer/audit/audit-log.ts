import {
  auditEntryHash,
  auditEntryId,
  GENESIS_HASH,
  type AuditAction,
  type AuditEntry,
} from '../../shared/audit/audit-entry';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import type { SenDatabase } from '../db/collections';
import type { DocumentWriter } from '../db/document-writer';

export interface AuditEvent {
  action: AuditAction;
  /** The staff member, who signs the entry; '' for nobody (a failed login) */
  userId: string;
  /** Kept in the entry as typed at the time (a failed login may name no account); left out,
   *  it is the username of the account `userId` names: every entry names its user. */
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
 * cannot fork it. An entry naming a user is signed with that user's key, which the server checks.
 */
export class AuditLog implements AuditRecorder {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    private readonly device: { deviceId: string; facilityCode: string },
    /** The signing key of a user, if it is held (the session's own): taken when an event is
     *  recorded, so that a logout's entry is signed although the key goes right after. */
    private readonly signerFor: (userId: string) => DocumentSigner | null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  record(event: AuditEvent): Promise<void> {
    const signer = event.userId === '' ? null : this.signerFor(event.userId);
    const next = this.queue.then(() => this.append(event, signer));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async append(event: AuditEvent, signer: DocumentSigner | null): Promise<void> {
    const [last] = await this.database.audit.find({ selector: {}, sort: [{ seq: 'desc' }], limit: 1 }).exec();
    const seq = (last?.seq ?? 0) + 1;
    const content: Omit<AuditEntry, 'hash'> = {
      id: auditEntryId(this.device.deviceId, seq),
      facilityCode: this.device.facilityCode,
      deviceId: this.device.deviceId,
      seq,
      at: this.now().toISOString(),
      userId: event.userId,
      username: event.username ?? (await this.usernameOf(event.userId)),
      action: event.action,
      patientId: event.patientId ?? '',
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await this.writer.insert('audit', { ...content, hash: await auditEntryHash(content) }, signer);
  }

  /** The account's username as this PC holds it (every account of the facility syncs here). */
  private async usernameOf(userId: string): Promise<string> {
    if (userId === '') return '';
    const account = await this.database.staff.findOne(userId).exec();
    return account?.username ?? '';
  }
}

/** For repositories used without an audit trail (a few unit and integration tests). */
export const NO_AUDIT: AuditRecorder = { record: () => Promise.resolve() };
