import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AUDIT_PUSH_MAX,
  auditEntryId,
  auditEntrySchema,
  GENESIS_HASH,
  type AuditEntry,
} from '../../shared/audit/audit-entry';
import { syncMetaSchema, withoutSyncMeta, type DocumentSignature } from '../../shared/sync/sync-meta';
import type { AuthenticatedDevice } from '../auth/authenticate-device';
import type { Database, SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import type { SignatureChecker } from '../signing/signature-checker';
import { loadFacilityStaff } from '../sync/authorize-authors';
import { verifyAuditChain, type AuditAlert } from './verify-audit-chain';

type ReceivedEntry = AuditEntry & { deleted: boolean; signature: DocumentSignature | null };

const pushBodySchema = z
  .array(z.object({ assumedMasterState: z.unknown().optional(), newDocumentState: z.looseObject({}) }).strict())
  .max(AUDIT_PUSH_MAX);

/**
 * Stores a device's audit entries and checks its hash chain. The whole batch is refused if an
 * entry is malformed, claims another device or facility, or names a user who did not sign it
 * (403 forbidden: an entry's user is proven, not claimed; a failed login names nobody); a broken
 * chain is not refused (the entries are evidence) but recorded as alerts, returned to the
 * caller to log.
 */
export async function pushAuditEntries(
  database: Database,
  device: AuthenticatedDevice,
  body: unknown,
  signatures: SignatureChecker,
): Promise<AuditAlert[]> {
  const entries = parseEntries(body, device);
  if (entries.length === 0) return [];
  return database.transaction(async (tx) => {
    const head = await lockHead(tx, device.deviceId);
    const stored = await storedHashes(tx, device.deviceId, head.lastSeq, entries);
    const verdict = await verifyAuditChain(head, entries, stored);
    await refuseUnsignedEntries(
      tx,
      device,
      signatures,
      entries,
      new Set(verdict.inserts.map(({ entry }) => entry.seq)),
    );
    for (const { entry, chainOk, deleted } of verdict.inserts) await insertEntry(tx, entry, chainOk, deleted);
    const alerts = [...verdict.alerts];
    for (const seq of verdict.deletedLater) {
      // Once per entry, however often the tombstone is sent again.
      const marked = await tx.query(
        `UPDATE audit_entries SET deleted_on_device = true, chain_ok = false
         WHERE device_id = $1 AND seq = $2 AND NOT deleted_on_device RETURNING seq`,
        [device.deviceId, seq],
      );
      if (marked.length > 0) alerts.push({ kind: 'entry-deleted', seq, details: {} });
    }
    for (const alert of alerts) {
      await tx.query(
        `INSERT INTO audit_alerts (id, device_id, facility_code, kind, seq, details) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`,
        [randomUUID(), device.deviceId, device.facilityCode, alert.kind, alert.seq, JSON.stringify(alert.details)],
      );
    }
    await tx.query(
      `INSERT INTO audit_chain_heads (device_id, last_seq, last_hash) VALUES ($1, $2, $3)
       ON CONFLICT (device_id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash`,
      [device.deviceId, verdict.head.lastSeq, verdict.head.lastHash],
    );
    return alerts;
  });
}

/**
 * Only entries about to be stored are checked: one the server already holds (a retry, or the
 * tombstone of a stored entry) is no new claim. A signature covers the entry as written, so a
 * tombstone sent in its place is checked as the entry it deletes.
 */
async function refuseUnsignedEntries(
  tx: SqlExecutor,
  device: AuthenticatedDevice,
  signatures: SignatureChecker,
  entries: readonly ReceivedEntry[],
  inserted: ReadonlySet<number>,
): Promise<void> {
  const claims = entries.filter((entry) => inserted.has(entry.seq) && entry.userId !== '');
  if (claims.length === 0) return;
  const staff = await loadFacilityStaff(tx, device.facilityCode);
  const refusals = await Promise.all(
    claims.map(({ deleted: _deleted, signature, ...entry }) =>
      signatures.refusal(
        { collection: 'audit', state: { ...entry, _deleted: false }, signature, author: entry.userId },
        staff,
      ),
    ),
  );
  const index = refusals.findIndex((refusal) => refusal !== null);
  const refused = claims[index];
  if (refused) {
    throw new HttpError(403, 'forbidden', `An audit entry does not prove its user (${String(refusals[index])}).`, {
      id: refused.id,
      reason: refusals[index],
    });
  }
}

function parseEntries(body: unknown, device: AuthenticatedDevice): ReceivedEntry[] {
  const rows = pushBodySchema.parse(body);
  const bySeq = new Map<number, ReceivedEntry>();
  for (const row of rows) {
    const { _deleted: deleted, syncMeta, ...document } = row.newDocumentState;
    const meta = syncMetaSchema.safeParse(syncMeta);
    const parsed = auditEntrySchema.safeParse(withoutSyncMeta(document));
    const id = typeof document.id === 'string' ? document.id : undefined;
    if (!meta.success)
      throw new HttpError(422, 'invalid-document', 'An audit entry carries no valid sync envelope.', {
        id,
        issues: meta.error.issues,
      });
    if (!parsed.success)
      throw new HttpError(422, 'invalid-document', 'An audit entry does not match its schema.', {
        id,
        issues: parsed.error.issues,
      });
    const entry = parsed.data;
    if (entry.deviceId !== device.deviceId || entry.facilityCode !== device.facilityCode)
      throw new HttpError(403, 'out-of-scope', 'An audit entry names another device or facility.', { id });
    if (entry.id !== auditEntryId(entry.deviceId, entry.seq))
      throw new HttpError(422, 'invalid-document', 'An audit entry id does not match its position.', { id });
    bySeq.set(entry.seq, { ...entry, deleted: deleted === true, signature: meta.data.signature });
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

async function lockHead(tx: SqlExecutor, deviceId: string): Promise<{ lastSeq: number; lastHash: string }> {
  // The row must exist to be locked: two first pushes of a device would otherwise both start at 0.
  await tx.query(
    `INSERT INTO audit_chain_heads (device_id, last_seq, last_hash) VALUES ($1, 0, $2) ON CONFLICT (device_id) DO NOTHING`,
    [deviceId, GENESIS_HASH],
  );
  const [head] = await tx.query<{ last_seq: string | number; last_hash: string }>(
    'SELECT last_seq, last_hash FROM audit_chain_heads WHERE device_id = $1 FOR UPDATE',
    [deviceId],
  );
  if (!head) throw new Error('the audit chain head was just created');
  return { lastSeq: Number(head.last_seq), lastHash: head.last_hash };
}

async function storedHashes(
  tx: SqlExecutor,
  deviceId: string,
  lastSeq: number,
  entries: readonly AuditEntry[],
): Promise<Map<number, string>> {
  const earlier = entries.filter((entry) => entry.seq <= lastSeq).map((entry) => entry.seq);
  if (earlier.length === 0) return new Map();
  const rows = await tx.query<{ seq: string | number; hash: string }>(
    'SELECT seq, hash FROM audit_entries WHERE device_id = $1 AND seq = ANY($2::bigint[])',
    [deviceId, earlier],
  );
  return new Map(rows.map((row) => [Number(row.seq), row.hash]));
}

async function insertEntry(tx: SqlExecutor, entry: AuditEntry, chainOk: boolean, deleted: boolean): Promise<void> {
  await tx.query(
    `INSERT INTO audit_entries
       (device_id, seq, id, facility_code, at, user_id, username, action, patient_id, prev_hash, hash, chain_ok,
        deleted_on_device)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      entry.deviceId,
      entry.seq,
      entry.id,
      entry.facilityCode,
      entry.at,
      entry.userId,
      entry.username,
      entry.action,
      entry.patientId,
      entry.prevHash,
      entry.hash,
      chainOk,
      deleted,
    ],
  );
}
