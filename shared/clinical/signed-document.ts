import { z } from 'zod';
import { BASE64, BASE64URL } from '../encoding/base64';
import { signDocument, verifyDocumentSignature } from '../signing/document-signature';
import type { DocumentSigner } from '../signing/signing-keys';
import { sameDocumentState } from '../sync/document-state';
import type { MergePolicy } from '../sync/collection-registry';
import { deviceTimeField, freeText, optionalIdField, optionalStaffIdField } from './common-fields';

/**
 * A clinical signature ("ký"), kept inside the document so that it outlives every later write
 * of the open fields and every state the server merges and re-signs (decision 0006). The signer
 * is `signedBy`; the key is one their staff account lists.
 */
export const clinicalSignatureSchema = z
  .object({
    keyId: z.string().regex(BASE64URL).max(40),
    /** IEEE P1363 r‖s, base64, over clinicalSignedContent (below) */
    value: z.string().regex(BASE64).max(100),
  })
  .strict();
export type ClinicalSignature = z.infer<typeof clinicalSignatureSchema>;

/**
 * The fields every signable clinical document spreads into its schema. All optional: a
 * document written before signing existed, or by a screen that does not sign, is a draft.
 */
export const signedDocumentFields = {
  /** The doctor who signed; '' or absent while a draft. */
  signedBy: optionalStaffIdField.optional(),
  /** When they signed, by their PC's clock. */
  signedAt: deviceTimeField.optional(),
  clinicalSignature: clinicalSignatureSchema.nullable().optional(),
  /** An amendment: the id of the (signed) version it replaces; '' for an original. */
  supersedes: optionalIdField.optional(),
  /** Why the amendment was made; required when `supersedes` is set. */
  amendmentReason: freeText(1000).optional(),
};

/** What of a document signing and versions read. */
export interface Signable {
  id: string;
  signedBy?: string | undefined;
  signedAt?: string | undefined;
  clinicalSignature?: ClinicalSignature | null | undefined;
  supersedes?: string | undefined;
  amendmentReason?: string | undefined;
}

/** Fields every write changes: never part of what is signed, never "a change" of it. */
const BOOKKEEPING_FIELDS = ['updatedAt', 'updatedBy', 'updatedByDeviceId'] as const;

export function isSignedDocument(document: Signable): boolean {
  return typeof document.signedBy === 'string' && document.signedBy !== '';
}

/**
 * The merge policy of a signable collection: merged field by field while a draft, frozen once
 * signed but for `openFields` (workflow the signer does not vouch for, e.g. a prescription's
 * dispensing status), and signed with a clinical signature the server checks.
 */
export function signedDocumentPolicy<T extends Signable>(openFields: readonly string[] = []): MergePolicy<T> {
  return {
    kind: 'immutable-once-signed',
    isSigned: isSignedDocument,
    openFields: [...BOOKKEEPING_FIELDS, ...openFields],
    clinicalSignature: true,
  };
}

/** The fields a policy leaves open after signing (bookkeeping included). */
export function openFieldsOf(policy: { kind: string; openFields?: readonly string[] }): readonly string[] {
  return policy.kind === 'immutable-once-signed' ? (policy.openFields ?? []) : [];
}

/** The part of a state the clinical signature covers: everything but open fields and itself. */
function signedPart(state: object, openFields: readonly string[]): Record<string, unknown> {
  const part: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(state)) {
    if (field === 'clinicalSignature' || field === 'syncMeta' || openFields.includes(field)) continue;
    part[field] = value;
  }
  return part;
}

/**
 * Whether `pushed` changes what a signature on `master` covers: any field but the open ones,
 * a deletion included. This is what the server refuses on a signed master (`document-signed`).
 */
export function changesSignedContent(master: object, pushed: object, openFields: readonly string[]): boolean {
  return !sameDocumentState(signedPart(master, openFields), signedPart(pushed, openFields));
}

/** Kept apart from the sync signature of the same collection: one can never pass for the other. */
const signatureLabel = (collection: string): string => `${collection}#clinical-signature`;

/**
 * Signs `state` as `signer` at `at`: the result names the signer and the time, and its
 * signature covers them with the whole content (but the open fields).
 */
export async function signClinically<T extends object>(
  collection: string,
  state: T,
  openFields: readonly string[],
  signer: DocumentSigner,
  at: string,
): Promise<T & Signable> {
  const named = { ...state, signedBy: signer.signer, signedAt: at };
  const signature = await signDocument(signatureLabel(collection), signedPart(named, openFields), signer);
  return { ...named, clinicalSignature: { keyId: signature.keyId, value: signature.value } } as T & Signable;
}

/** How a signed document stands against its signer's keys; 'unsigned' for a draft. */
export type SignatureCheck = 'unsigned' | 'valid' | 'invalid' | 'key-unknown';

/**
 * Verifies a document's clinical signature with the public key (SPKI, base64) its signer's
 * account lists under the signature's key id; `publicKeyOf` returns undefined when none does.
 * Works the same on every PC and on the server: it needs the staff accounts only.
 */
export async function checkClinicalSignature(
  collection: string,
  state: Signable,
  openFields: readonly string[],
  publicKeyOf: (staffId: string, keyId: string) => Promise<CryptoKey | null | undefined>,
): Promise<SignatureCheck> {
  if (!isSignedDocument(state)) return 'unsigned';
  const signature = state.clinicalSignature;
  if (!signature || !state.signedAt) return 'invalid';
  const publicKey = await publicKeyOf(state.signedBy ?? '', signature.keyId);
  if (publicKey === undefined) return 'key-unknown';
  if (publicKey === null) return 'invalid';
  const valid = await verifyDocumentSignature(
    signatureLabel(collection),
    signedPart(state, openFields),
    { signer: state.signedBy ?? '', ...signature },
    publicKey,
  );
  return valid ? 'valid' : 'invalid';
}

/** Problems of an amendment before it is written: a reason and a signed version to replace. */
export function amendmentProblems(previous: Signable, reason: string): { field: string; code: string }[] {
  const problems: { field: string; code: string }[] = [];
  if (!isSignedDocument(previous)) problems.push({ field: 'supersedes', code: 'amend-unsigned' });
  if (reason.trim() === '') problems.push({ field: 'amendmentReason', code: 'amendment-reason-required' });
  return problems;
}
