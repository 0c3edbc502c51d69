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
  master: State | undefined,
  pushed: State,
): Promise<void> {
  if (pushed._deleted) return;
  for (const reference of collection.references) {
    const value = pushed[reference.field];
    if (master && master[reference.field] === value) continue;
    if (reference.optional && (value === '' || value === undefined)) continue;
    const [found] = await tx.query<{ found: number; status: unknown }>(
      `SELECT 1 AS found, d.body->>'status' AS status FROM sync_documents d
       JOIN sync_feed f ON f.collection = d.collection AND f.id = d.id AND f.scope = $3
       WHERE d.collection = $1 AND d.id = $2 AND NOT d.deleted`,
      [reference.collection, String(value), facilityScope(device.facilityCode)],
    );
    if (!found) {
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
    if (reference.closedStatuses?.includes(String(found.status))) {
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
  }
}
