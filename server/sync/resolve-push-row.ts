import type { SyncedCollection } from '../../shared/sync/collections';
import { sameDocumentState } from '../../shared/sync/document-state';
import { mergeDocument, type FieldConflict } from '../../shared/sync/merge-document';
import type { PushRow, SyncedDocument } from '../../shared/sync/protocol';

type Body = Record<string, unknown>;
type State = SyncedDocument<Body>;

/** What a push row does to the master: nothing, a write, and/or conflicts to record. */
export type PushOutcome =
  | { kind: 'unchanged' }
  | { kind: 'write'; state: State }
  /** Both sides changed the document: `state` is written if it differs from the master and is
   *  sent back to the device as the new master; `conflicts` hold every losing value. */
  | { kind: 'merge'; state: State; conflicts: FieldConflict[] };

/**
 * Decides one push row against the current master state (undefined for a new document).
 * A merged document that breaks the collection's rules (e.g. a CCCD from one side and a sex
 * from the other) is not written: the master stays whole and every pushed change is a conflict.
 */
export function resolvePushRow(
  collection: SyncedCollection<Body>,
  master: State | undefined,
  row: PushRow<Body>,
): PushOutcome {
  const pushed = row.newDocumentState;
  if (!master) return { kind: 'write', state: pushed };
  if (sameDocumentState(master, pushed)) return { kind: 'unchanged' };
  if (row.assumedMasterState && sameDocumentState(master, row.assumedMasterState))
    return { kind: 'write', state: pushed };

  const { merged, conflicts } = mergeDocument(row.assumedMasterState, master, pushed, collection.bookkeepingFields);
  const { _deleted: deleted, ...body } = merged;
  const rederived = { ...collection.rederive(body), _deleted: deleted };
  if (isAcceptable(collection, rederived)) return { kind: 'merge', state: rederived, conflicts };

  const everyChange = mergeDocument(null, master, pushed, collection.bookkeepingFields).conflicts;
  return { kind: 'merge', state: master, conflicts: everyChange };
}

function isAcceptable(collection: SyncedCollection<Body>, state: State): boolean {
  const { _deleted: _ignored, ...body } = state;
  const parsed = collection.schema.safeParse(body);
  return parsed.success && collection.problems(parsed.data).length === 0;
}
