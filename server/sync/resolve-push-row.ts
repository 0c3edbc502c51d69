import type { SyncedCollection } from '../../shared/sync/collections';
import { sameDocumentState } from '../../shared/sync/document-state';
import { mergeDocument, type FieldConflict } from '../../shared/sync/merge-document';
import type { SyncedDocument } from '../../shared/sync/protocol';
import { mergedLineage, revisionOf } from '../../shared/sync/revision';
import type { ParsedPushRow } from './parse-push-rows';

type Body = Record<string, unknown>;
type State = SyncedDocument<Body>;

/** The master as the server holds it: its state and the lineage kept beside it. */
export interface MasterVersion {
  state: State;
  lineage: readonly string[];
}

/** What a push row does to the master: nothing, a write, and/or conflicts to record. */
export type PushOutcome =
  | { kind: 'unchanged' }
  /** The pushed version as it came: a new document, or one made on the master's version. */
  | { kind: 'write'; state: State }
  /** Both sides changed the document: `state` is written if it differs from the master and is
   *  sent back to the device as the new master, with `lineage`; `conflicts` hold every losing
   *  value. */
  | { kind: 'merge'; state: State; lineage: string[]; conflicts: FieldConflict[] };

/**
 * Decides one push row against the current master (undefined for a new document).
 *
 * A version made on the master's own version (its assumed master is the master, or the master's
 * revision is in its lineage) replaces it as it is: a fast-forward. The lineage is what
 * recognises one after a restore from backup, when the device no longer sends the state its
 * edit was made on (that state had been acknowledged, then lost with the restore).
 *
 * A version the master descends from (its revision is in the master's lineage) is already known:
 * nothing is written or recorded, and the device is answered with the master.
 *
 * Anything else merges field by field. A merged document that breaks the collection's rules
 * (e.g. a CCCD from one side and a sex from the other) is not written: the master stays whole
 * and every pushed change is a conflict.
 */
export async function resolvePushRow(
  collection: SyncedCollection<Body>,
  master: MasterVersion | undefined,
  row: ParsedPushRow,
): Promise<PushOutcome> {
  const pushed = row.newDocumentState;
  if (!master) return { kind: 'write', state: pushed };
  if (sameDocumentState(master.state, pushed)) return { kind: 'unchanged' };
  if (row.assumedMasterState && sameDocumentState(master.state, row.assumedMasterState))
    return { kind: 'write', state: pushed };
  const masterRevision = await revisionOf(master.state);
  if (row.meta.lineage.includes(masterRevision)) return { kind: 'write', state: pushed };
  // A version the master was itself made on: the device is behind, not in conflict (a PC restored
  // from a facility backup pushes every document it holds). It gets the master back, and no
  // value of its old version is recorded as lost.
  if (master.lineage.includes(await revisionOf(pushed)))
    return { kind: 'merge', state: master.state, lineage: [...master.lineage], conflicts: [] };

  const lineage = mergedLineage(
    { revision: masterRevision, lineage: master.lineage },
    { revision: await revisionOf(pushed), lineage: row.meta.lineage },
  );
  const { merged, conflicts } = mergeDocument(
    row.assumedMasterState,
    master.state,
    pushed,
    collection.bookkeepingFields,
  );
  const { _deleted: deleted, ...body } = merged;
  const rederived = { ...collection.rederive(body), _deleted: deleted };
  if (isAcceptable(collection, rederived)) return { kind: 'merge', state: rederived, lineage, conflicts };

  const everyChange = mergeDocument(null, master.state, pushed, collection.bookkeepingFields).conflicts;
  return { kind: 'merge', state: master.state, lineage: [...master.lineage], conflicts: everyChange };
}

function isAcceptable(collection: SyncedCollection<Body>, state: State): boolean {
  const { _deleted: _ignored, ...body } = state;
  const parsed = collection.schema.safeParse(body);
  return parsed.success && collection.problems(parsed.data).length === 0;
}
