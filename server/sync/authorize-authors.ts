import type { SyncedCollection } from '../../shared/sync/collections';
import type { SyncedDocument } from '../../shared/sync/protocol';
import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
import { requestCaches } from '../auth/request-caches';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import type { SignatureChecker } from '../signing/signature-checker';
import type { ParsedPushRow } from './parse-push-rows';

type Body = Record<string, unknown>;

/** The facility's accounts as the server holds them: tens of rows, read once per push. */
export async function loadFacilityStaff(tx: SqlExecutor, scope: string): Promise<Map<string, StaffDocument>> {
  const rows = await tx.query<{ body: unknown }>(
    `SELECT body FROM sync_documents WHERE collection = 'staff' AND scope = $1 AND NOT deleted`,
    [scope],
  );
  const staff = new Map<string, StaffDocument>();
  for (const { body } of rows) {
    const parsed = staffDocumentSchema.safeParse(body);
    if (parsed.success) staff.set(parsed.data.id, parsed.data);
  }
  return staff;
}

/**
 * The facility's accounts for a push's author checks, from this process's cache when the server
 * started one (request-caches.ts): a staff write NOTIFYs its facility, dropping the entry on every
 * server process, and an entry is used for a minute at most. Read in the push's transaction.
 */
export function cachedFacilityStaff(
  database: object,
  tx: SqlExecutor,
  scope: string,
): Promise<ReadonlyMap<string, StaffDocument>> {
  const caches = requestCaches(database);
  const read = (): Promise<ReadonlyMap<string, StaffDocument>> => loadFacilityStaff(tx, scope);
  return caches ? caches.staff.get(scope, read) : read();
}

/**
 * Refuses a write unless the staff it names may make it (shared/staff/authorize-write.ts). A
 * device holds a valid credential but its user logged in offline, so the author named in the
 * document is checked against the accounts the server holds: a forged, foreign or deactivated
 * author is refused, and nothing of the batch is stored.
 */
export function refuseUnauthorizedWrite(
  collection: SyncedCollection<Body>,
  staff: ReadonlyMap<string, StaffDocument>,
  master: SyncedDocument<Body> | undefined,
  row: ParsedPushRow,
  writerFacility: string,
): void {
  const pushed = row.newDocumentState;
  const refusal = collection.authorize({
    master,
    assumed: row.assumedMasterState,
    pushed,
    staff: (id) => staff.get(id),
    writerFacility,
  });
  if (refusal) {
    throw new HttpError(403, 'forbidden', `The author may not make this change (${refusal}).`, {
      id: pushed.id,
      reason: refusal,
    });
  }
}

/**
 * The refusal of a write whose signature does not prove its author (signature-checker.ts), or
 * null. A value rather than a throw: the checks of a batch run side by side.
 */
export async function unprovenWrite(
  signatures: SignatureChecker,
  collectionName: string,
  collection: SyncedCollection<Body>,
  staff: ReadonlyMap<string, StaffDocument>,
  row: ParsedPushRow,
): Promise<HttpError | null> {
  const pushed = row.newDocumentState;
  const refusal = await signatures.refusal(
    {
      collection: collectionName,
      state: pushed,
      signature: row.meta.signature,
      author: pushed[collection.authorField],
    },
    staff,
  );
  if (!refusal) return null;
  return new HttpError(403, 'forbidden', `The write does not prove its author (${refusal}).`, {
    id: pushed.id,
    reason: refusal,
  });
}
