import { SYNCED_COLLECTIONS, isSyncedCollectionName } from '../../shared/sync/collections';
import type { PushRow } from '../../shared/sync/protocol';

/** A record a pushed row refers to: `{collection, id}`. */
export interface ReferencedRecord {
  collection: string;
  id: string;
}

/**
 * The records of other collections that `rows` refer to (a result's order and visit, a visit's
 * patient), by the references the server checks (`shared/sync/collections.ts`). Pushed before
 * they reach the server, the rows would be refused `reference-missing`, held, and sent again
 * one request each: a 10,000-record backlog pushed by collections in parallel ran at 0.05 of
 * the server's rate that way.
 */
export function referencedRecords(
  collection: string,
  rows: readonly PushRow<Record<string, unknown>>[],
): ReferencedRecord[] {
  if (!isSyncedCollectionName(collection)) return [];
  const references = SYNCED_COLLECTIONS[collection].references as readonly { field: string; collection: string }[];
  const found = new Map<string, ReferencedRecord>();
  for (const row of rows) {
    // The server checks only references a write sets or changes, and none of a deletion's.
    if (row.newDocumentState._deleted) continue;
    for (const reference of references) {
      if (reference.collection === collection) continue;
      const value = row.newDocumentState[reference.field];
      if (typeof value !== 'string' || value === '') continue;
      if (row.assumedMasterState?.[reference.field] === value) continue;
      found.set(`${reference.collection}/${value}`, { collection: reference.collection, id: value });
    }
  }
  return [...found.values()];
}
