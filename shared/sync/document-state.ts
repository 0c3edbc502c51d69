/**
 * Comparing document states the way sync must: by content, independent of key order, of RxDB's
 * local bookkeeping fields and of the sync envelope (`syncMeta`: lineage and signature). A
 * retried push whose state equals the master is a success (idempotence); a push whose assumed
 * master equals the real master may be applied.
 */

const LOCAL_ONLY_FIELDS = new Set(['_meta', '_rev', '_attachments']);
/** Beside the body on the wire and in the client's database, never part of the content. */
const ENVELOPE_FIELD = 'syncMeta';

/** JSON with object keys sorted and RxDB's local fields left out; `_deleted` always present. */
export function documentStateKey(document: object): string {
  const { [ENVELOPE_FIELD]: _envelope, ...content } = document as Record<string, unknown>;
  const withDeleted = { ...content, _deleted: content._deleted === true };
  return canonicalJson(withDeleted);
}

export function sameDocumentState(a: object, b: object): boolean {
  return documentStateKey(a) === documentStateKey(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([key, entry]) => !LOCAL_ONLY_FIELDS.has(key) && entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
