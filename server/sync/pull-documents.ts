import type { PullResponse, SyncCheckpoint } from '../../shared/sync/protocol';
import type { ScopeName } from '../../shared/sync/scopes';
import type { DocumentSignature } from '../../shared/sync/sync-meta';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';

type Body = Record<string, unknown>;

interface PageRow {
  /** The change at the checkpoint's place in the feed now (null: none there). */
  anchor_change: string | null;
  /** The scope's counter: the newest change it handed out. */
  last_seq: number | null;
  body: Body | null;
  deleted: boolean | null;
  seq: number | null;
  change_id: string | null;
  lineage: string[] | null;
  signature: DocumentSignature | null;
}

/**
 * The documents of one collection in a scope's feed changed after the checkpoint, in commit
 * order (see the counters in write-documents.ts). A document addressed to several scopes has one
 * place in each feed, so a device reading its feed gets it once.
 *
 * The checkpoint is checked against the feed by the same statement that reads the page (one
 * round trip and one snapshot): most pulls are a PC answering a RESYNC for a collection where
 * nothing changed, and three statements for an empty page were most of the server's work under
 * load (docs/decisions/0009-sizing.md, "Where the time goes").
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
  const rows = await database.query<PageRow>(
    `SELECT a.anchor_change, a.last_seq, p.body, p.deleted, p.seq, p.change_id, p.lineage, p.signature
     FROM (SELECT (SELECT change_id FROM sync_changes WHERE scope = $1 AND seq = $3) AS anchor_change,
                  (SELECT last_seq FROM sync_scopes WHERE scope = $1) AS last_seq) a
     LEFT JOIN LATERAL (
       SELECT d.body, d.deleted, f.seq, f.change_id, d.lineage, d.signature
       FROM sync_feed f JOIN sync_documents d ON d.collection = f.collection AND d.id = f.id
       WHERE f.scope = $1 AND f.collection = $2 AND f.seq > $3 ORDER BY f.seq LIMIT $4
     ) p ON true
     ORDER BY p.seq`,
    [scope, collectionName, checkpoint?.seq ?? 0, limit + 1],
  );
  const anchor = rows[0];
  // The change the checkpoint names is no longer at its place: this history is not the one the
  // device followed (a restore, even one that kept the epoch). Start that device over.
  if (checkpoint?.change !== undefined && anchor?.anchor_change !== checkpoint.change) throw epochChanged(epoch);
  const found = rows.filter((row): row is PageRow & { body: Body; seq: number; change_id: string } => row.seq !== null);
  // A checkpoint beyond the newest change can only come from a history this database lost
  // (a restore without a new epoch): start that device over rather than let it skip changes.
  if (found.length === 0 && checkpoint && checkpoint.seq > 0 && (anchor?.last_seq ?? 0) < checkpoint.seq) {
    throw epochChanged(epoch);
  }
  const page = found.slice(0, limit);
  const last = page.at(-1);
  const response: PullResponse<Body> = {
    // The envelope goes back beside the body it was split from.
    documents: page.map((row) => ({
      ...row.body,
      _deleted: row.deleted === true,
      syncMeta: { lineage: row.lineage ?? [], signature: row.signature },
    })),
    checkpoint: last ? { epoch, seq: last.seq, change: last.change_id } : checkpoint,
    hasMore: found.length > limit,
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

export function epochChanged(epoch: string): HttpError {
  return new HttpError(410, 'epoch-changed', 'The server was restored from a backup; sync again from the start.', {
    epoch,
  });
}
