import type { PullResponse, SyncCheckpoint } from '../../shared/sync/protocol';
import type { DocumentSignature } from '../../shared/sync/sync-meta';
import type { SqlExecutor } from '../db/database';

type Body = Record<string, unknown>;

/**
 * The documents of one collection in a facility's scope changed after the checkpoint, in
 * commit order (see the counter in push-documents.ts).
 */
export async function pullDocuments(
  database: SqlExecutor,
  collectionName: string,
  scope: string,
  epoch: string,
  checkpoint: SyncCheckpoint | null,
  limit: number,
  withTotal = false,
): Promise<PullResponse<Body>> {
  const rows = await database.query<{
    body: Body;
    deleted: boolean;
    seq: number;
    change_id: string | null;
    lineage: string[];
    signature: DocumentSignature | null;
  }>(
    `SELECT body, deleted, seq, change_id, lineage, signature FROM sync_documents
     WHERE scope = $1 AND collection = $2 AND seq > $3 ORDER BY seq LIMIT $4`,
    [scope, collectionName, checkpoint?.seq ?? 0, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const response: PullResponse<Body> = {
    // The envelope goes back beside the body it was split from.
    documents: page.map((row) => ({
      ...row.body,
      _deleted: row.deleted,
      syncMeta: { lineage: row.lineage, signature: row.signature },
    })),
    checkpoint: last ? { epoch, seq: last.seq, ...(last.change_id ? { change: last.change_id } : {}) } : checkpoint,
    hasMore: rows.length > limit,
  };
  if (withTotal) {
    const [count] = await database.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM sync_documents WHERE scope = $1 AND collection = $2 AND seq > $3`,
      [scope, collectionName, checkpoint?.seq ?? 0],
    );
    response.total = count?.total ?? 0;
  }
  return response;
}
