import {
  changesSignedContent,
  checkClinicalSignature,
  isSignedDocument,
  type Signable,
} from '../../shared/clinical/signed-document';
import { isSignableCollection, unsignableContent } from '../../shared/clinical/signing-problem';
import type { SyncedCollection } from '../../shared/sync/collections';
import type { SyncedDocument } from '../../shared/sync/protocol';
import { importPublicKey } from '../../shared/signing/signing-keys';
import { can } from '../../shared/staff/roles';
import type { StaffDocument } from '../../shared/staff/staff-document';
import { HttpError } from '../http/http-error';

type Body = Record<string, unknown>;
type State = SyncedDocument<Body>;

/**
 * Why the server refuses the write that signs a clinical document (details.reason of 403
 * forbidden):
 * - `clinical-signature-invalid`: the signature does not cover this content, signer and time
 *   (a document changed after signing), or the signer is not the write's author;
 * - `signature-key-unknown`: the signer's account lists no such key (yet);
 * - `not-permitted`: the signer may not sign (clinical.sign);
 * - `signed-version-outdated`: the document was signed on a version another PC has changed
 *   since; merged, the signature would not cover what is stored. Read it again and sign again.
 * - `amendment-unsigned`: a new version naming the one it supersedes, unsigned or without reason.
 * - `content-not-signable`: what is signed may not be signed yet or at all (a visit not finished,
 *   a cancelled prescription, a transfer note); `details.problem` says which.
 */
export type ClinicalSignatureRefusal =
  | 'clinical-signature-invalid'
  | 'signature-key-unknown'
  | 'not-permitted'
  | 'signed-version-outdated'
  | 'amendment-unsigned'
  | 'content-not-signable';

/**
 * The refusal of a write that makes a document signed (new, or signing a draft), or null. Run
 * only for collections whose policy carries a clinical signature; a signed master cannot change
 * anyway (scope-rules.ts, `document-signed`), and open fields are outside the signature.
 * `stored` is what would be written: the pushed state, or the server's merge of it.
 */
export async function unprovenClinicalSignature(
  collectionName: string,
  collection: SyncedCollection<Body>,
  staff: ReadonlyMap<string, StaffDocument>,
  master: State | undefined,
  pushed: State,
  stored: State,
): Promise<HttpError | null> {
  const policy = collection.mergePolicy;
  if (policy.kind !== 'immutable-once-signed' || !policy.clinicalSignature) return null;
  const signed = stored as Signable & State;
  const refuse = (reason: ClinicalSignatureRefusal, problem?: string): HttpError =>
    new HttpError(403, 'forbidden', `The clinical signature does not hold (${reason}).`, {
      id: pushed.id,
      reason,
      ...(problem ? { problem } : {}),
    });
  // An amendment replaces a signed version: it is itself signed, and says why, from the start.
  const amendment = !master && (signed.supersedes ?? '') !== '';
  if (amendment && (!isSignedDocument(signed) || (signed.amendmentReason ?? '').trim() === ''))
    return refuse('amendment-unsigned');
  if (!isSignedDocument(signed) || (master && isSignedDocument(master as Signable & State))) return null;
  const openFields = policy.openFields ?? [];
  // The same rule the PC offers signing by: a PC that skips it is refused here.
  const problem = isSignableCollection(collectionName)
    ? unsignableContent(collectionName, signed as unknown as Parameters<typeof unsignableContent>[1])
    : null;
  if (problem) return refuse('content-not-signable', problem);

  // Signing is a deliberate act of the signer's own: the write that signs is theirs.
  const signer = staff.get(signed.signedBy ?? '');
  if (signed.signedBy !== pushed[collection.authorField]) return refuse('clinical-signature-invalid');
  if (!signer || !can(signer.roles, 'clinical.sign')) return refuse('not-permitted');
  const check = await checkClinicalSignature(
    collectionName,
    pushed as unknown as Signable,
    openFields,
    async (_id, keyId) => {
      const listed = signer.keys.find((key) => key.keyId === keyId);
      return listed ? importPublicKey(listed.publicKey).catch(() => null) : undefined;
    },
  );
  if (check === 'key-unknown') return refuse('signature-key-unknown');
  if (check !== 'valid') return refuse('clinical-signature-invalid');
  if (changesSignedContent(pushed, stored, openFields)) return refuse('signed-version-outdated');
  return null;
}
