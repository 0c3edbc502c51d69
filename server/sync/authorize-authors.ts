import type { SyncedCollection } from '../../shared/sync/collections';
import type { PushRow, SyncedDocument } from '../../shared/sync/protocol';
import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
import type { WriteRefusal } from '../../shared/staff/authorize-write';
import type { AuthenticatedDevice } from '../auth/authenticate-device';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';

type Body = Record<string, unknown>;

/**
 * Refuses a push unless every row's author is an active staff member of the device's facility
 * whose roles allow that write (shared/staff/roles.ts). A device holds a valid credential but
 * its user logged in offline, so the author named in the document is checked against the
 * accounts the server holds: a forged or foreign author is refused and nothing is stored.
 */
export async function authorizeAuthors(
  tx: SqlExecutor,
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
  rows: { row: PushRow<Body>; master: SyncedDocument<Body> | undefined }[],
): Promise<void> {
  const authorIds = [...new Set(rows.map(({ row }) => String(row.newDocumentState[collection.authorField])))];
  const authors = await loadStaff(tx, device.facilityCode, authorIds);
  for (const { row, master } of rows) {
    const pushed = row.newDocumentState;
    const author = authors.get(String(pushed[collection.authorField]));
    const refusal: WriteRefusal | null = !author
      ? 'author-unknown'
      : !author.active
        ? 'author-inactive'
        : collection.authorize(author, master, pushed);
    if (refusal) {
      throw new HttpError(403, 'forbidden', `The author may not make this change (${refusal}).`, {
        id: pushed.id,
        reason: refusal,
      });
    }
  }
}

async function loadStaff(tx: SqlExecutor, scope: string, ids: string[]): Promise<Map<string, StaffDocument>> {
  const rows = await tx.query<{ body: unknown }>(
    `SELECT body FROM sync_documents WHERE collection = 'staff' AND scope = $1 AND id = ANY($2::text[]) AND NOT deleted`,
    [scope, ids],
  );
  const staff = new Map<string, StaffDocument>();
  for (const { body } of rows) {
    const parsed = staffDocumentSchema.safeParse(body);
    if (parsed.success) staff.set(parsed.data.id, parsed.data);
  }
  return staff;
}
