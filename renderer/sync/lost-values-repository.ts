import { combineLatest, map, type Observable } from 'rxjs';
import type { ConflictDocument } from '../../shared/sync/conflict-document';
import { isSyncedCollectionName, SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import type { Permission } from '../../shared/staff/roles';
import type { SenDatabase } from '../db/collections';

/** A value that lost a merge, as a screen shows it: the values parsed, the author named. */
export interface LostValue {
  id: string;
  collection: string;
  documentId: string;
  field: string;
  masterValue: unknown;
  losingValue: unknown;
  /** The staff member whose edit lost, by name when this PC knows the account */
  staffName: string;
  deviceId: string;
  /** When they made it (their PC's clock), else when the server recorded it */
  at: string;
}

function parsed(json: string): unknown {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
}

/**
 * The facility's open lost values, from the `conflicts` collection the server fills (pulled
 * like any record, so they are here offline too). Each is offered only to the staff allowed to
 * read the document it comes from.
 */
export class LostValuesRepository {
  constructor(private readonly database: SenDatabase) {}

  /** Open lost values that `may` allows reading, newest first. */
  open$(may: (permission: Permission) => boolean): Observable<LostValue[]> {
    const conflicts$ = this.database.conflicts.find({ selector: { resolvedAt: '' }, sort: [{ recordedAt: 'desc' }] }).$;
    const staff$ = this.database.staff.find().$;
    return combineLatest([conflicts$, staff$]).pipe(
      map(([conflicts, staff]) => {
        const names = new Map(staff.map((account) => [account.id, account.displayName]));
        return conflicts
          .map((document) => document.toJSON() as ConflictDocument)
          .filter((conflict) => readable(conflict.sourceCollection, may))
          .map((conflict) => lostValue(conflict, names));
      }),
    );
  }

  /** Open lost values of one document. */
  forDocument$(collection: string, documentId: string, may: (permission: Permission) => boolean) {
    return this.open$(may).pipe(
      map((values) => values.filter((value) => value.collection === collection && value.documentId === documentId)),
    );
  }
}

function readable(collection: string, may: (permission: Permission) => boolean): boolean {
  return isSyncedCollectionName(collection) && may(SYNCED_COLLECTIONS[collection].readPermission);
}

function lostValue(conflict: ConflictDocument, names: Map<string, string>): LostValue {
  return {
    id: conflict.id,
    collection: conflict.sourceCollection,
    documentId: conflict.documentId,
    field: conflict.field,
    masterValue: parsed(conflict.masterValue),
    losingValue: parsed(conflict.losingValue),
    staffName: names.get(conflict.staffId) ?? conflict.staffId,
    deviceId: conflict.deviceId,
    at: conflict.clientTime || conflict.recordedAt,
  };
}
