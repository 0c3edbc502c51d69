import { CONFLICT_AUTHOR, type ConflictDocument } from '../../shared/sync/conflict-document';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import type { SyncedDocument } from '../../shared/sync/protocol';
import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { writeDocuments } from '../documents/write-documents';
import type { ServerKey } from '../signing/server-key';

type Body = Record<string, unknown>;

/** A sync_conflicts row as the conflicts collection carries it. */
export interface ConflictRow {
  id: string;
  collection: string;
  document_id: string;
  scope: string;
  field: string;
  master_value: unknown;
  losing_value: unknown;
  device_id: string | null;
  client_time: string | null;
  staff_id: string | null;
  recorded_at: string;
  resolved_at: string | null;
}

/** What RETURNING gives back for each conflict row written. */
export const CONFLICT_ROW_COLUMNS = `id, collection, document_id, scope, field, master_value, losing_value, device_id,
  client_time, author->>'staffId' AS staff_id, ${isoTimestamp('recorded_at')} AS recorded_at,
  ${isoTimestamp('resolved_at')} AS resolved_at`;

/**
 * The fields of a document that a write changes, bookkeeping aside: a later edit of a field
 * that lost a value settles that conflict (someone has decided the field since).
 */
export function changedFields(bookkeeping: readonly string[], before: Body | undefined, after: Body): string[] {
  if (!before) return [];
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...fields].filter(
    (field) => !bookkeeping.includes(field) && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  );
}

/** The fields of one document a push changes: its open conflicts on them are settled. */
export interface SettledFields {
  documentId: string;
  fields: readonly string[];
}

/**
 * Marks the open conflicts of these documents' fields settled, for a whole push page in one
 * statement; returns them, to publish again. The caller holds the documents' row locks, so no
 * other push touches these conflicts meanwhile.
 */
export async function settleConflicts(
  tx: SqlExecutor,
  collectionName: string,
  settled: readonly SettledFields[],
): Promise<ConflictRow[]> {
  const pairs = settled.flatMap(({ documentId, fields }) => fields.map((field) => ({ documentId, field })));
  if (pairs.length === 0) return [];
  return tx.query<ConflictRow>(
    `UPDATE sync_conflicts SET resolved_at = now(), resolution = 'settled'
     FROM unnest($2::text[], $3::text[]) AS t (settled_id, settled_field)
     WHERE collection = $1 AND document_id = t.settled_id AND field = t.settled_field AND resolved_at IS NULL
     RETURNING ${CONFLICT_ROW_COLUMNS}`,
    [collectionName, pairs.map((pair) => pair.documentId), pairs.map((pair) => pair.field)],
  );
}

/**
 * Writes conflict rows into the `conflicts` collection, in the feed of the facility whose edit
 * lost, signed by the server (which alone writes them); `isNew` for rows just recorded.
 */
export async function publishConflicts(
  tx: SqlExecutor,
  serverKey: ServerKey,
  rows: readonly { row: ConflictRow; isNew: boolean }[],
): Promise<void> {
  if (rows.length === 0) return;
  const writes = await Promise.all(
    rows.map(async ({ row, isNew }) => {
      const document = conflictDocument(row);
      const state: SyncedDocument<Body> = { ...document, _deleted: false };
      const meta = { lineage: [], signature: await serverKey.sign('conflicts', state) };
      return { id: document.id, state, isNew, meta, scopes: SYNCED_COLLECTIONS.conflicts.scopes(document) };
    }),
  );
  await writeDocuments(tx, 'conflicts', null, writes);
}

function conflictDocument(row: ConflictRow): ConflictDocument {
  return {
    id: row.id,
    facilityCode: row.scope,
    sourceCollection: row.collection,
    documentId: row.document_id,
    field: row.field,
    masterValue: JSON.stringify(row.master_value ?? null),
    losingValue: JSON.stringify(row.losing_value ?? null),
    deviceId: row.device_id ?? '',
    staffId: row.staff_id ?? '',
    clientTime: row.client_time ?? '',
    recordedAt: row.recorded_at,
    resolvedAt: row.resolved_at ?? '',
    updatedBy: CONFLICT_AUTHOR,
  };
}
