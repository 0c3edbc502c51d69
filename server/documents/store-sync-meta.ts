import type { SqlExecutor } from '../db/database';
import type { DocumentWrite } from './write-documents';

/**
 * Keeps each written version's envelope (lineage, signature) in its columns beside the body,
 * in one statement for the batch. The body never holds it: pulls put it back beside the body.
 */
export async function storeSyncMeta(tx: SqlExecutor, collectionName: string, writes: DocumentWrite[]): Promise<void> {
  if (writes.length === 0) return;
  await tx.query(
    `UPDATE sync_documents d
     SET lineage = ARRAY(SELECT jsonb_array_elements_text(t.meta->'lineage')), signature = t.meta->'signature'
     FROM unnest($2::text[], $3::jsonb[]) AS t (id, meta)
     WHERE d.collection = $1 AND d.id = t.id`,
    [collectionName, writes.map((write) => write.id), writes.map((write) => JSON.stringify(write.meta))],
  );
}
