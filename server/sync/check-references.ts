import type { SyncedCollection } from '../../shared/sync/collections';
import type { SyncedDocument } from '../../shared/sync/protocol';
import { facilityScope } from '../../shared/sync/scopes';
import type { AuthenticatedDevice } from '../auth/authenticate-device';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';

type Body = Record<string, unknown>;
type State = SyncedDocument<Body>;

/**
 * The documents a write names must be there, alive and addressed to the writing facility (a
 * result answers an existing order; a referral names a registered patient). Checked only for
 * references the write sets or changes. Collections sync independently, so a missing one may
 * simply not have arrived yet: the refusal (409 `reference-missing`) lets the device hold the
 * row and send it again once the referenced collection moves. A document closed to new
 * references (a cancelled order) refuses the write for good: 403 `not-permitted`.
 */
export async function refuseMissingReferences(
  tx: SqlExecutor,
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
  writes: readonly { master: State | undefined; pushed: State }[],
): Promise<void> {
  const named = writes.flatMap(({ master, pushed }) => namedReferences(collection, master, pushed));
  if (named.length === 0) return;
  // One query for the page: which of the named documents the facility's feed holds, alive.
  const found = await tx.query<{ n: number | string; status: unknown }>(
    `SELECT t.n, d.body->>'status' AS status
     FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t (collection, id, n)
     JOIN sync_documents d ON d.collection = t.collection AND d.id = t.id AND NOT d.deleted
     JOIN sync_feed f ON f.collection = d.collection AND f.id = d.id AND f.scope = $3`,
    [
      named.map(({ reference }) => reference.collection),
      named.map(({ value }) => String(value)),
      facilityScope(device.facilityCode),
    ],
  );
  // The ordinality is a bigint: PostgreSQL's driver gives it as a string.
  const statuses = new Map(found.map((row) => [Number(row.n), row.status]));
  // The first refusal in the page's order, as checking the rows one by one would find it.
  named.forEach(({ pushed, reference, value }, index) => {
    const n = index + 1;
    if (!statuses.has(n)) {
      throw new HttpError(
        409,
        'reference-missing',
        `${reference.field} names a ${reference.collection} record the server does not hold.`,
        {
          id: pushed.id,
          field: reference.field,
          collection: reference.collection,
          referencedId: value,
        },
      );
    }
    if (reference.closedStatuses?.includes(String(statuses.get(n)))) {
      throw new HttpError(
        403,
        'forbidden',
        `${reference.field} names a ${reference.collection} record that is closed.`,
        {
          id: pushed.id,
          reason: 'not-permitted',
          field: reference.field,
          referencedId: value,
        },
      );
    }
  });
}

type Reference = SyncedCollection<Body>['references'][number];

/** The references a write sets or changes (a deletion names nothing new). */
function namedReferences(
  collection: SyncedCollection<Body>,
  master: State | undefined,
  pushed: State,
): { pushed: State; reference: Reference; value: unknown }[] {
  if (pushed._deleted) return [];
  return collection.references
    .filter((reference) => {
      const value = pushed[reference.field];
      if (master && master[reference.field] === value) return false;
      return !(reference.optional && (value === '' || value === undefined));
    })
    .map((reference) => ({ pushed, reference, value: pushed[reference.field] }));
}
