import { staffDocumentSchema, type StaffDocument } from '../../shared/staff/staff-document';
import type { SqlExecutor } from '../db/database';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import { writeDocuments } from '../documents/write-documents';
import { HttpError } from '../http/http-error';
import { uniqueValueHolder } from '../documents/unique-values';

/** What the admin API shows of an account: never the password verifier. */
export type StaffRecord = Omit<StaffDocument, 'password'>;

export function staffRecord(staff: StaffDocument): StaffRecord {
  const { password: _verifier, ...record } = staff;
  return record;
}

export async function listStaff(tx: SqlExecutor, facilityCode: string): Promise<StaffDocument[]> {
  const rows = await tx.query<{ body: unknown }>(
    `SELECT body FROM sync_documents WHERE collection = 'staff' AND scope = $1 AND NOT deleted ORDER BY body->>'username'`,
    [facilityCode],
  );
  return rows.map((row) => staffDocumentSchema.parse(row.body));
}

export async function findStaff(tx: SqlExecutor, id: string): Promise<StaffDocument | undefined> {
  const [row] = await tx.query<{ body: unknown }>(
    `SELECT body FROM sync_documents WHERE collection = 'staff' AND id = $1 AND NOT deleted FOR UPDATE`,
    [id],
  );
  return row ? staffDocumentSchema.parse(row.body) : undefined;
}

/** Stores an account written at the province; it reaches the facility's PCs with their next pull. */
export async function saveStaff(tx: SqlExecutor, staff: StaffDocument, isNew: boolean): Promise<void> {
  const document = staffDocumentSchema.parse(staff);
  if (
    (await uniqueValueHolder(tx, 'staff', document.facilityCode, 'username', document.username, document.id)) !==
    undefined
  )
    throw new HttpError(409, 'username-taken', `The username ${document.username} is taken at this facility.`);
  await writeDocuments(tx, 'staff', null, [
    {
      id: document.id,
      state: { ...document, _deleted: false },
      isNew,
      scopes: SYNCED_COLLECTIONS.staff.scopes(document),
    },
  ]);
}
