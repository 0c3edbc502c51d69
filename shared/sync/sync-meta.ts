import { z } from 'zod';
import { BASE64URL } from '../encoding/base64';
import { documentSignatureSchema, type DocumentSignature } from '../signing/document-signature';

/** Revisions a version remembers of the versions it was made on. */
export const LINEAGE_MAX = 16;

/** A revision: base64url of 16 bytes. */
const revisionSchema = z.string().length(22).regex(BASE64URL);

/**
 * The sync envelope every document carries beside its body, on the wire and in the client's
 * database, never inside the body the server stores (that is kept in columns):
 * - `lineage`: the revisions (revision.ts) of the versions this one was made on, newest first;
 *   the server recognises a fast-forward by finding its own version's revision there;
 * - `signature`: the author's (or the server's) signature over the body (shared/signing).
 */
export const syncMetaSchema = z
  .object({
    lineage: z.array(revisionSchema).max(LINEAGE_MAX),
    signature: documentSignatureSchema.nullable(),
  })
  .strict();
export type SyncMeta = z.infer<typeof syncMetaSchema>;

export const UNSIGNED_SYNC_META: SyncMeta = { lineage: [], signature: null };

/** A document state with its envelope taken off: `syncMeta` is never part of the body. */
export function withoutSyncMeta<T extends object>(document: T): Omit<T, 'syncMeta'> {
  const { syncMeta: _envelope, ...body } = document as T & { syncMeta?: unknown };
  return body;
}

export type { DocumentSignature };
