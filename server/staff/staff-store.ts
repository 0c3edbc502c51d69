import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
import { lineageAfter } from '../../shared/sync/revision';
import type { SqlExecutor } from '../db/database';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import { writeDocuments } from '../documents/write-documents';
import { HttpError } from '../http/http-error';
import type { ServerKey } from '../signing/server-key';
import { uniqueValueHolder } from '../documents/unique-values';

/** What the admin API shows of an account: never the password verifier or the sealed key. */
export type StaffRecord = Omit<StaffDocument, 'password' | 'sealedKey'>;

export function staffRecord(staff: StaffDocument): StaffRecord {
  const { password: _verifier, sealedKey: _sealed, ...record } = staff;
  return record;
}

/** An account as the server holds it, with the lineage of that version. */
export interface StoredStaff {
  account: StaffDocument;
  lineage: string[];
}

export async function listStaff(tx: SqlExecutor, facilityCode: string): Promise<StaffDocument[]> {
  const rows = await tx.query<{ body: unknown }>(
    `SELECT body FROM sync_documents WHERE collection = 'staff' AND scope = $1 AND NOT deleted ORDER BY body->>'username'`,
    [facilityCode],
  );
  return rows.map((row) => staffDocumentSchema.parse(row.body));
}

export async function findStaff(tx: SqlExecutor, id: string): Promise<StoredStaff | undefined> {
  const [row] = await tx.query<{ body: unknown; lineage: string[] }>(
    `SELECT body, lineage FROM sync_documents WHERE collection = 'staff' AND id = $1 AND NOT deleted FOR UPDATE`,
    [id],
  );
  return row ? { account: staffDocumentSchema.parse(row.body), lineage: row.lineage } : undefined;
}

/**
 * Stores an account written at the province (on top of `previous`, the version it changes),
 * signed by the server; it reaches the facility's PCs with their next pull.
 */
export async function saveStaff(
  tx: SqlExecutor,
  staff: StaffDocument,
  previous: { account: object; lineage: readonly string[] } | null,
  serverKey: ServerKey,
): Promise<void> {
  const document = staffDocumentSchema.parse(staff);
  if (
    (await uniqueValueHolder(tx, 'staff', document.facilityCode, 'username', document.username, document.id)) !==
    undefined
  )
    throw new HttpError(409, 'username-taken', `The username ${document.username} is taken at this facility.`);
  const state = { ...document, _deleted: false };
  const lineage = previous ? await lineageAfter(previous.account, previous.lineage) : [];
  const meta = { lineage, signature: await serverKey.sign('staff', state) };
  await writeDocuments(tx, 'staff', null, [
    {
      id: document.id,
      state,
      isNew: previous === null,
      meta,
      scopes: SYNCED_COLLECTIONS.staff.scopes(document),
    },
  ]);
}
