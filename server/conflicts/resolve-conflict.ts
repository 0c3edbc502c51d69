import { isSyncedCollectionName, SYNCED_COLLECTIONS, type SyncedCollection } from '../../shared/sync/collections';
import type { SyncedDocument } from '../../shared/sync/protocol';
import { lineageAfter } from '../../shared/sync/revision';
import { PROVINCE_AUTHOR } from '../../shared/staff/staff-document';
import type { Database, SqlExecutor } from '../db/database';
import { writeDocuments } from '../documents/write-documents';
import { HttpError } from '../http/http-error';
import type { ServerKey } from '../signing/server-key';
import {
  CONFLICT_ROW_COLUMNS,
  changedFields,
  publishConflicts,
  settleConflicts,
  type ConflictRow,
} from '../sync/conflict-documents';

type Body = Record<string, unknown>;
type State = SyncedDocument<Body>;

/** Who resolved a conflict, when (the server's clock) and why. */
export interface Resolution {
  actor: string;
  note: string;
  at: Date;
}

export interface ResolvedConflict {
  id: string;
  resolution: 'restored' | 'dismissed';
  resolvedBy: string;
  resolvedAt: string;
  note: string;
}

interface OpenConflict {
  id: string;
  collection: string;
  document_id: string;
  field: string;
  losing_value: unknown;
  resolved_at: string | null;
}

/**
 * Makes a conflict's losing value the master's: an ordinary edit of the document made at the
 * province, a new version in the facility's feed that every PC pulls. It is attributed to the
 * province (`updatedBy: 'province'`, as accounts the admin API writes) and signed with the
 * server's key, the signature the server accepts back from any PC that pushes it again; the
 * admin who restored it is kept with the conflict. The conflict, and any other open one of the
 * same field, is settled and published so that the PCs stop offering it.
 */
export async function restoreConflict(
  database: Database,
  serverKey: ServerKey,
  conflictId: string,
  resolution: Resolution,
): Promise<ResolvedConflict> {
  return database.transaction(async (tx) => {
    const conflict = await lockOpenConflict(tx, conflictId);
    if (!isSyncedCollectionName(conflict.collection))
      throw new HttpError(409, 'restore-invalid', `${conflict.collection} is not a collection the server writes.`);
    const collection = SYNCED_COLLECTIONS[conflict.collection] as unknown as SyncedCollection<Body>;
    const [master] = await tx.query<{ body: Body; deleted: boolean; lineage: string[]; scope: string }>(
      `SELECT body, deleted, lineage, scope FROM sync_documents WHERE collection = $1 AND id = $2 FOR UPDATE`,
      [conflict.collection, conflict.document_id],
    );
    if (!master) throw new HttpError(409, 'restore-invalid', 'The document is no longer on the server.');
    const before: State = { ...master.body, _deleted: master.deleted };
    refuseSigned(collection, before, conflict.field);
    const restored = withLosingValue(collection, before, conflict, resolution.at);
    const { _deleted: deleted, ...body } = restored;
    const state: State = { ...collection.rederive(body), _deleted: deleted };
    refuseUnacceptable(collection, state);

    const meta = {
      lineage: await lineageAfter(before, master.lineage),
      signature: await serverKey.sign(conflict.collection, state),
    };
    // Settles this conflict and any other open one of the fields the restore changes.
    const settled = await settleConflicts(tx, conflict.collection, [
      {
        documentId: conflict.document_id,
        fields: [...new Set([conflict.field, ...changedFields(collection.bookkeepingFields, before, state)])],
      },
    ]);
    const [marked] = await tx.query<ConflictRow>(
      `UPDATE sync_conflicts SET resolved_at = $2, resolution = 'restored', resolved_by = $3, resolution_note = $4
       WHERE id = $1 RETURNING ${CONFLICT_ROW_COLUMNS}`,
      [conflictId, resolution.at.toISOString(), resolution.actor, resolution.note],
    );
    const { _deleted: _stored, ...storedBody } = state;
    await writeDocuments(tx, conflict.collection, null, [
      { id: conflict.document_id, state, isNew: false, meta, scopes: collection.scopes(storedBody) },
    ]);
    const published = settled.map((row) => (row.id === conflictId && marked ? marked : row));
    await publishConflicts(
      tx,
      serverKey,
      published.map((row) => ({ row, isNew: false })),
    );
    return resolved(conflictId, 'restored', resolution);
  });
}

/** Closes a conflict without changing the document: the value that stayed is the right one. */
export async function dismissConflict(
  database: Database,
  serverKey: ServerKey,
  conflictId: string,
  resolution: Resolution,
): Promise<ResolvedConflict> {
  return database.transaction(async (tx) => {
    await lockOpenConflict(tx, conflictId);
    const rows = await tx.query<ConflictRow>(
      `UPDATE sync_conflicts SET resolved_at = $2, resolution = 'dismissed', resolved_by = $3, resolution_note = $4
       WHERE id = $1 RETURNING ${CONFLICT_ROW_COLUMNS}`,
      [conflictId, resolution.at.toISOString(), resolution.actor, resolution.note],
    );
    // The PCs stop offering it too: the published conflict document now says it is resolved.
    await publishConflicts(
      tx,
      serverKey,
      rows.map((row) => ({ row, isNew: false })),
    );
    return resolved(conflictId, 'dismissed', resolution);
  });
}

async function lockOpenConflict(tx: SqlExecutor, id: string): Promise<OpenConflict> {
  const [conflict] = await tx.query<OpenConflict>(
    `SELECT id, collection, document_id, field, losing_value, resolved_at::text AS resolved_at
     FROM sync_conflicts WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!conflict) throw new HttpError(404, 'not-found', `No conflict ${id}.`);
  if (conflict.resolved_at !== null)
    throw new HttpError(409, 'already-resolved', 'This conflict has already been resolved.', { id });
  return conflict;
}

/** The document with the losing value put back, as the province's version of it. */
function withLosingValue(collection: SyncedCollection<Body>, before: State, conflict: OpenConflict, at: Date): State {
  // A value that lost by being absent is stored as null: putting it back removes the field.
  const next: State =
    conflict.field === '_deleted'
      ? { ...before, _deleted: conflict.losing_value === true }
      : conflict.losing_value === null
        ? (Object.fromEntries(Object.entries(before).filter(([field]) => field !== conflict.field)) as State)
        : { ...before, [conflict.field]: conflict.losing_value };
  if ('updatedAt' in before) next.updatedAt = at.toISOString();
  next[collection.authorField] = PROVINCE_AUTHOR;
  return next;
}

function refuseSigned(collection: SyncedCollection<Body>, master: State, field: string): void {
  const policy = collection.mergePolicy;
  if (policy.kind !== 'immutable-once-signed') return;
  const { _deleted: _ignored, ...body } = master;
  if (!policy.isSigned(body) || (policy.openFields ?? []).includes(field)) return;
  throw new HttpError(409, 'restore-invalid', 'The document is signed: a change needs an amendment by its author.');
}

function refuseUnacceptable(collection: SyncedCollection<Body>, state: State): void {
  const { _deleted: _ignored, ...body } = state;
  const parsed = collection.schema.safeParse(body);
  const problems = parsed.success ? collection.problems(parsed.data) : [{ field: '', code: 'invalid-document' }];
  if (problems.length > 0)
    throw new HttpError(422, 'restore-invalid', 'The document would not be valid with this value.', { problems });
}

function resolved(id: string, resolution: 'restored' | 'dismissed', by: Resolution): ResolvedConflict {
  return { id, resolution, resolvedBy: by.actor, resolvedAt: by.at.toISOString(), note: by.note };
}
