import type { PushRow } from '../../shared/sync/protocol';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';

/**
 * A username names one account per facility: two offline PCs creating the same name cannot
 * both win, the second push is refused and held for the facility admin to rename.
 */
export async function refuseTakenUsernames(
  tx: SqlExecutor,
  scope: string,
  rows: PushRow<Record<string, unknown>>[],
): Promise<void> {
  for (const row of rows) {
    const { id, username } = row.newDocumentState;
    const [taken] = await tx.query(
      `SELECT 1 FROM sync_documents WHERE collection = 'staff' AND scope = $1 AND id <> $2 AND body->>'username' = $3`,
      [scope, String(id), String(username)],
    );
    if (taken)
      throw new HttpError(422, 'invalid-document', 'The username is taken at this facility.', {
        id,
        problems: [{ field: 'username', code: 'username-taken' }],
      });
  }
}
