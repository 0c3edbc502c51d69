import canonicalize from 'canonicalize';

/** RxDB's local bookkeeping and the sync envelope: never part of what is signed. */
const UNSIGNED_FIELDS = new Set(['syncMeta', '_meta', '_rev', '_attachments']);

/**
 * The bytes a document signature covers: the RFC 8785 canonical JSON (keys sorted by UTF-16
 * code units, ECMAScript number form) of `{collection, document}`, where the document is the
 * state with `_deleted` and without local fields. Canonical, because the server keeps bodies in
 * jsonb, which does not keep key order, and every device must sign and check the same bytes.
 * The collection is inside so that a signed patient cannot be replayed as another kind of record.
 */
export function signedContent(collection: string, state: object): Uint8Array<ArrayBuffer> {
  const document: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(state)) if (!UNSIGNED_FIELDS.has(field)) document[field] = value;
  document._deleted = document._deleted === true;
  const canonical = canonicalize({ collection, document });
  if (canonical === undefined) throw new Error('A document has no JSON form.');
  return new TextEncoder().encode(canonical);
}
