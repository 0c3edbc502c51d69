import type { SyncedCollection } from '../../shared/sync/collections';
import { sameDocumentState } from '../../shared/sync/document-state';
import type { PushRow, SyncedDocument } from '../../shared/sync/protocol';
import { isRetryableTransactionError, type Database, type SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import type { AuthenticatedDevice } from '../auth/authenticate-device';
import { SYNC_CHANNEL } from './change-notifier';

type Body = Record<string, unknown>;

interface MasterRow {
  id: string;
  scope: string;
  body: Body;
  deleted: boolean;
}

const MAX_ATTEMPTS = 5;

/**
 * Applies a push batch in one transaction and returns the master state of every row that
 * conflicted. Nothing of a refused batch is stored.
 *
 * - A row equal to the master is a success without a write (retries are idempotent).
 * - A row whose assumed master equals the real master is written.
 * - Anything else is a conflict: the client resolves it and pushes again.
 * Rows are locked in id order so that parallel batches from one client cannot deadlock; two
 * first inserts of the same id race on the primary key, and the loser's transaction is rerun,
 * when it sees the winner's row as a master to compare against.
 */
export async function pushDocuments(
  database: Database,
  collectionName: string,
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
  rows: PushRow<Body>[],
): Promise<SyncedDocument<Body>[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.transaction((tx) => applyPush(tx, collectionName, collection, device, rows));
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
    }
  }
}

async function applyPush(
  tx: SqlExecutor,
  collectionName: string,
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
  rows: PushRow<Body>[],
): Promise<SyncedDocument<Body>[]> {
  const sorted = [...rows].sort((a, b) => compareIds(documentId(a.newDocumentState), documentId(b.newDocumentState)));
  const masters = await lockMasters(
    tx,
    collectionName,
    sorted.map((row) => documentId(row.newDocumentState)),
  );

  const conflicts: SyncedDocument<Body>[] = [];
  const writes: { id: string; body: Body; deleted: boolean; isNew: boolean }[] = [];
  for (const row of sorted) {
    const id = documentId(row.newDocumentState);
    const master = masters.get(id);
    if (master && master.scope !== device.facilityCode) {
      throw new HttpError(403, 'out-of-scope', `Document ${id} belongs to another facility.`, { id });
    }
    const masterState = master ? { ...master.body, _deleted: master.deleted } : undefined;
    if (masterState && sameDocumentState(masterState, row.newDocumentState)) continue;
    if (masterState && !(row.assumedMasterState && sameDocumentState(masterState, row.assumedMasterState))) {
      conflicts.push(masterState);
      continue;
    }
    const { _deleted: deleted, ...body } = row.newDocumentState;
    writes.push({ id, body, deleted, isNew: !master });
  }
  if (writes.length === 0) return conflicts;

  // Taken last: the counter row stays locked until commit, so sequence numbers follow commit order.
  const [counter] = await tx.query<{ last_seq: number }>(
    'UPDATE sync_scopes SET last_seq = last_seq + $2 WHERE scope = $1 RETURNING last_seq',
    [device.facilityCode, writes.length],
  );
  if (!counter) throw new HttpError(403, 'out-of-scope', 'The device facility has no sync scope.');
  let seq = counter.last_seq - writes.length;
  for (const write of writes) {
    seq += 1;
    const params = [
      collectionName,
      write.id,
      device.facilityCode,
      JSON.stringify(write.body),
      write.deleted,
      seq,
      device.deviceId,
    ];
    await tx.query(
      write.isNew
        ? `INSERT INTO sync_documents (collection, id, scope, body, deleted, seq, pushed_by_device)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7)`
        : `UPDATE sync_documents SET body = $4::jsonb, deleted = $5, seq = $6, pushed_by_device = $7, received_at = now()
           WHERE collection = $1 AND id = $2 AND scope = $3`,
      params,
    );
  }
  // Delivered only if the transaction commits.
  await tx.query('SELECT pg_notify($1, $2)', [SYNC_CHANNEL, device.facilityCode]);
  return conflicts;
}

async function lockMasters(tx: SqlExecutor, collectionName: string, ids: string[]): Promise<Map<string, MasterRow>> {
  const rows = await tx.query<MasterRow>(
    `SELECT id, scope, body, deleted FROM sync_documents
     WHERE collection = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [collectionName, ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

function documentId(document: Body): string {
  return String(document.id);
}

/** Byte order, the same as PostgreSQL's "C" collation for ASCII ids. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
