import type { z } from 'zod';
import type { WriteAttempt, WriteRefusal } from '../staff/authorize-write';
import type { Permission } from '../staff/roles';
import type { ScopeName } from './scopes';

export type SyncDirection = 'both' | 'pull-only' | 'push-only';

/**
 * A field no two live documents of a home scope may share (empty values aside): the server
 * refuses the later one with `problem`, naming the document that holds the value.
 */
export interface UniqueField<T> {
  field: keyof T & string;
  problem: string;
}

/**
 * How the server settles a push made on a state that is no longer the master.
 * - `field-merge`: three-way, field by field; a value both sides changed keeps the master's and
 *   the other is kept as a conflict record (shared/sync/merge-document.ts).
 * - `immutable-once-signed`: merged like the above while a draft; once `isSigned` holds for the
 *   master, the document never changes again (an amendment is a new document naming it).
 */
export type MergePolicy<T> =
  | { kind: 'field-merge' }
  | {
      kind: 'immutable-once-signed';
      isSigned: (document: T) => boolean;
      /** Fields that may still change once signed (workflow, bookkeeping); none when absent. */
      openFields?: readonly string[];
      /** The document carries a clinical signature the server verifies (clinical/signed-document.ts). */
      clinicalSignature?: boolean;
    };

/**
 * Another document a write depends on: checked in the push's transaction. Missing (not yet
 * arrived, since collections sync independently), the row is held with `reference-missing` and
 * sent again once the referenced collection moves.
 */
export interface DocumentReference<T> {
  field: keyof T & string;
  collection: string;
  /** An empty value refers to nothing and is not checked. */
  optional?: boolean;
  /**
   * Statuses of the referenced document that close it to new references (a result answering a
   * cancelled order): such a write is refused (403 forbidden, `not-permitted`), not held.
   */
  closedStatuses?: readonly string[];
}

/** Everything generic sync code knows about one collection: no `if (collection === …)` elsewhere. */
export interface SyncedCollection<T> {
  direction: SyncDirection;
  schema: z.ZodType<T>;
  /** Which feed a device reads the collection from: its facility's, or its province's. */
  feed: 'facility' | 'province';
  /**
   * The scopes a document is addressed to, its home scope first: the facility that creates it
   * (or the province for province-wide documents). A device may write a document only if its
   * facility is one of them, create one only in its home facility, and never readdress one.
   */
  scopes: (document: T) => ScopeName[];
  /**
   * The fields a facility's devices may change: every field for the home facility unless this
   * says otherwise. A change to another field is refused (`field-not-owned`) before any merge;
   * `_deleted` is a field like the others (a facility that may delete the document lists it).
   */
  ownedFields?: (document: T, writerFacility: string) => 'all' | readonly ((keyof T & string) | '_deleted')[];
  mergePolicy: MergePolicy<T>;
  /** Rules beyond the schema's shape; an empty list means the document is acceptable. */
  problems: (document: T) => { field: string; code: string }[];
  /** Fields every edit changes (device-clock times): merged, never reported as conflicts. */
  bookkeepingFields: readonly (keyof T & string)[];
  /** Recomputes derived fields after a field-by-field merge (e.g. search keys from names). */
  rederive: (document: T) => T;
  /** The field naming the staff member who made a version: set to the pusher's on a merge. */
  authorField: keyof T & string;
  /** Whether the staff named in a pushed write (active, of the device's facility) may make it. */
  authorize: (attempt: WriteAttempt<T>) => WriteRefusal | null;
  uniqueFields: readonly UniqueField<T>[];
  references: readonly DocumentReference<T>[];
  /** Who may read the documents, and so the values that lost a merge of them. */
  readPermission: Permission;
}

/** The facility a device must belong to in order to create a document: its home scope's. */
export function homeScope<T>(collection: SyncedCollection<T>, document: T): ScopeName | undefined {
  return collection.scopes(document)[0];
}
