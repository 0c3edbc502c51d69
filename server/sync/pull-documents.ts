import type { PullResponse, SyncCheckpoint } from '../../shared/sync/protocol';
import type { ScopeName } from '../../shared/sync/scopes';
import type { DocumentSignature } from '../../shared/sync/sync-meta';
import type { SqlExecutor } from '../db/database';

type Body = Record<string, unknown>;

/**
 * The documents of one collection in a scope's feed changed after the checkpoint, in commit
 * order (see the counters in write-documents.ts). A document addressed to several scopes has one
 * place in each feed, so a device reading its feed gets it once.
 */
export async function pullDocuments(
  database: SqlExecutor,
  collectionName: string,
  scope: ScopeName,
  epoch: string,
  checkpoint: SyncCheckpoint | null,
  limit: number,
  withTotal = false,
): Promise<PullResponse<Body>> {
  const rows = await database.query<{
    body: Body;
    deleted: boolean;
    seq: number;
    change_id: string;
    lineage: string[];
    signature: DocumentSignature | null;
  }>(
    `SELECT d.body, d.deleted, f.seq, f.change_id, d.lineage, d.signature
     FROM sync_feed f JOIN sync_documents d ON d.collection = f.collection AND d.id = f.id
     WHERE f.scope = $1 AND f.collection = $2 AND f.seq > $3 ORDER BY f.seq LIMIT $4`,
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
    checkpoint: last ? { epoch, seq: last.seq, change: last.change_id } : checkpoint,
    hasMore: rows.length > limit,
  };
  if (withTotal) {
    const [count] = await database.query<{ total: number }>(
      `SELECT count(*)::int AS total FROM sync_feed WHERE scope = $1 AND collection = $2 AND seq > $3`,
      [scope, collectionName, checkpoint?.seq ?? 0],
    );
    response.total = count?.total ?? 0;
  }
  return response;
}
