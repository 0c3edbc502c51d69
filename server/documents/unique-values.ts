import { isSyncedCollectionName, SYNCED_COLLECTIONS, type UniqueField } from '../../shared/sync/collections';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import type { DocumentWrite } from './write-documents';

interface HeldValue {
  field: string;
  value: string;
  document_id: string;
}

function uniqueFieldsOf(collectionName: string): readonly UniqueField<Record<string, unknown>>[] {
  if (!isSyncedCollectionName(collectionName)) return [];
  return SYNCED_COLLECTIONS[collectionName].uniqueFields as readonly UniqueField<Record<string, unknown>>[];
}

/** The unique values a document state claims: none once it is deleted. */
function claimedValues(collectionName: string, write: DocumentWrite): { field: string; value: string }[] {
  if (write.state._deleted) return [];
  return uniqueFieldsOf(collectionName)
    .map(({ field }) => ({ field, value: write.state[field] }))
    .filter(
      (claim): claim is { field: string; value: string } => typeof claim.value === 'string' && claim.value !== '',
    );
}

/** The document holding `value` of `field` among the facility's live documents, other than `exceptId`. */
export async function uniqueValueHolder(
  tx: SqlExecutor,
  collectionName: string,
  scope: string,
  field: string,
  value: string,
  exceptId: string,
): Promise<string | undefined> {
  const [row] = await tx.query<{ document_id: string }>(
    `SELECT document_id FROM sync_unique_values
     WHERE collection = $1 AND scope = $2 AND field = $3 AND value = $4 AND document_id <> $5`,
    [collectionName, scope, field, value, exceptId],
  );
  return row?.document_id;
}

/**
 * Refuses the batch (422 invalid-document, nothing stored) when one of its writes claims a
 * unique value that another live document of the facility holds, or that another write of the
 * same batch claims; the refusal names the holder, so the device can link to it.
 */
async function refuseTakenValues(
  tx: SqlExecutor,
  collectionName: string,
  scope: string,
  writes: DocumentWrite[],
): Promise<void> {
  const claims = writes.flatMap((write) => claimedValues(collectionName, write).map((claim) => ({ ...claim, write })));
  if (claims.length === 0) return;
  const held = await tx.query<HeldValue>(
    `SELECT field, value, document_id FROM sync_unique_values
     WHERE collection = $1 AND scope = $2 AND (field, value) IN (SELECT * FROM unnest($3::text[], $4::text[]))`,
    [collectionName, scope, claims.map((claim) => claim.field), claims.map((claim) => claim.value)],
  );
  const inBatch = new Map(writes.map((write) => [write.id, write]));
  const claimedInBatch = new Map<string, string>();
  for (const { field, value, write } of claims) {
    const key = JSON.stringify([field, value]);
    const holder =
      held.find(
        (row) =>
          row.field === field &&
          row.value === value &&
          row.document_id !== write.id &&
          // A document of this batch that lets the value go no longer holds it.
          !releasedInBatch(collectionName, inBatch.get(row.document_id), field, value),
      )?.document_id ?? otherClaimant(claimedInBatch.get(key), write.id);
    if (holder !== undefined) {
      const problem = uniqueFieldsOf(collectionName).find((unique) => unique.field === field)?.problem ?? 'value-taken';
      throw new HttpError(422, 'invalid-document', `Another record of the facility already has this ${field}.`, {
        id: write.id,
        problems: [{ field, code: problem, existingId: holder }],
      });
    }
    claimedInBatch.set(key, write.id);
  }
}

function releasedInBatch(
  collectionName: string,
  write: DocumentWrite | undefined,
  field: string,
  value: string,
): boolean {
  return (
    write !== undefined &&
    !claimedValues(collectionName, write).some((claim) => claim.field === field && claim.value === value)
  );
}

function otherClaimant(claimant: string | undefined, id: string): string | undefined {
  return claimant !== undefined && claimant !== id ? claimant : undefined;
}

/** Checks, then records, the unique values of the documents about to be written. */
export async function claimUniqueValues(
  tx: SqlExecutor,
  collectionName: string,
  scope: string,
  writes: DocumentWrite[],
): Promise<void> {
  if (uniqueFieldsOf(collectionName).length === 0 || writes.length === 0) return;
  await refuseTakenValues(tx, collectionName, scope, writes);
  await tx.query(`DELETE FROM sync_unique_values WHERE collection = $1 AND document_id = ANY($2::text[])`, [
    collectionName,
    writes.map((write) => write.id),
  ]);
  const claims = writes.flatMap((write) =>
    claimedValues(collectionName, write).map((claim) => ({ ...claim, id: write.id })),
  );
  if (claims.length === 0) return;
  // Two pushes committing at once: the primary key makes the later one fail and run again, when
  // the check above sees the value taken.
  await tx.query(
    `INSERT INTO sync_unique_values (collection, scope, field, value, document_id)
     SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[])`,
    [
      collectionName,
      scope,
      claims.map((claim) => claim.field),
      claims.map((claim) => claim.value),
      claims.map((claim) => claim.id),
    ],
  );
}
