import { randomUUID } from 'node:crypto';
import type { SyncedDocument } from '../../shared/sync/protocol';
import type { SyncMeta } from '../../shared/sync/sync-meta';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import { SYNC_CHANNEL } from '../sync/change-notifier';
import { storeSyncMeta } from './store-sync-meta';
import { claimUniqueValues } from './unique-values';

type Body = Record<string, unknown>;

export interface DocumentWrite {
  id: string;
  state: SyncedDocument<Body>;
  isNew: boolean;
  /** The version's lineage and signature, kept beside the body */
  meta: SyncMeta;
}

/**
 * Stores new master states of one facility's documents, numbered by the facility's change
 * counter, and wakes the facility's sync streams once the transaction commits. Used by pushes
 * and by the provincial admin API alike, so both are pulled the same way.
 */
export async function writeDocuments(
  tx: SqlExecutor,
  collectionName: string,
  scope: string,
  pushedByDevice: string | null,
  writes: DocumentWrite[],
): Promise<void> {
  if (writes.length === 0) return;
  await claimUniqueValues(tx, collectionName, scope, writes);
  // Taken last: the counter row stays locked until commit, so sequence numbers follow commit order.
  const [counter] = await tx.query<{ last_seq: number }>(
    'UPDATE sync_scopes SET last_seq = last_seq + $2 WHERE scope = $1 RETURNING last_seq',
    [scope, writes.length],
  );
  if (!counter) throw new HttpError(403, 'out-of-scope', 'The facility has no sync scope.');
  const first = counter.last_seq - writes.length + 1;
  // Each change gets an id of its own, named in the checkpoints of the devices that pull it.
  const changeIds = writes.map(() => randomUUID());
  for (const [n, write] of writes.entries()) {
    const { _deleted: deleted, ...body } = write.state;
    const params = [
      collectionName,
      write.id,
      scope,
      JSON.stringify(body),
      deleted,
      first + n,
      pushedByDevice,
      changeIds[n],
    ];
    await tx.query(
      write.isNew
        ? `INSERT INTO sync_documents (collection, id, scope, body, deleted, seq, pushed_by_device, change_id)
           VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)`
        : `UPDATE sync_documents
           SET body = $4::jsonb, deleted = $5, seq = $6, pushed_by_device = $7, change_id = $8, received_at = now()
           WHERE collection = $1 AND id = $2 AND scope = $3`,
      params,
    );
  }
  await storeSyncMeta(tx, collectionName, writes);
  await tx.query(
    `INSERT INTO sync_changes (scope, seq, change_id)
     SELECT $1::text, $2::bigint + t.n - 1, t.change_id FROM unnest($3::text[]) WITH ORDINALITY AS t (change_id, n)`,
    [scope, first, changeIds],
  );
  // Delivered only if the transaction commits.
  await tx.query('SELECT pg_notify($1, $2)', [SYNC_CHANNEL, scope]);
}
