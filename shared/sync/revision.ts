import { toBase64Url } from '../encoding/base64';
import { documentStateKey } from './document-state';
import { LINEAGE_MAX } from './sync-meta';

/**
 * A version's identity: base64url of the first 16 bytes of the SHA-256 of its content
 * (documentStateKey: the body and `_deleted`, without the envelope or local fields). Equal
 * content, equal revision, on every device and on the server.
 */
export async function revisionOf(state: object): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(documentStateKey(state)));
  return toBase64Url(new Uint8Array(digest).slice(0, 16));
}

/** Newest first, each revision once, at most LINEAGE_MAX. */
export function lineageOf(revisions: readonly string[]): string[] {
  return [...new Set(revisions)].slice(0, LINEAGE_MAX);
}

/** The lineage of a version made on top of `previous` (an update or a deletion), given its lineage. */
export async function lineageAfter(previous: object, previousLineage: readonly string[]): Promise<string[]> {
  return lineageOf([await revisionOf(previous), ...previousLineage]);
}

/** The lineage of what the server merged from its master and a pushed version. */
export function mergedLineage(
  master: { revision: string; lineage: readonly string[] },
  pushed: { revision: string; lineage: readonly string[] },
): string[] {
  return lineageOf([master.revision, pushed.revision, ...master.lineage, ...pushed.lineage]);
}
