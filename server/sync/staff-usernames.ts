import type { SqlExecutor } from '../db/database';
import type { DocumentWrite } from '../documents/write-documents';
import { HttpError } from '../http/http-error';

/**
 * A username names one account per facility: two offline PCs creating the same name cannot
 * both win, the second push is refused and held for the facility admin to rename. A unique index
 * (migration 0004) backs this up against two pushes committing at once.
 */
export async function refuseTakenUsernames(tx: SqlExecutor, scope: string, writes: DocumentWrite[]): Promise<void> {
  const inBatch = new Map<string, string>();
  for (const { id, state } of writes) {
    const username = String(state.username);
    const owner = inBatch.get(username);
    if ((owner !== undefined && owner !== id) || (await usernameTaken(tx, scope, id, username)))
      throw new HttpError(422, 'invalid-document', 'The username is taken at this facility.', {
        id,
        problems: [{ field: 'username', code: 'username-taken' }],
      });
    inBatch.set(username, id);
  }
}

/** Whether another account of the facility already has this username. */
export async function usernameTaken(tx: SqlExecutor, scope: string, id: string, username: string): Promise<boolean> {
  const [other] = await tx.query(
    `SELECT 1 FROM sync_documents WHERE collection = 'staff' AND scope = $1 AND id <> $2 AND body->>'username' = $3`,
    [scope, id, username],
  );
  return other !== undefined;
}
