import { z } from 'zod';
import { BASE64, BASE64URL, fromBase64, toBase64 } from '../encoding/base64';
import { signedContent } from './signed-content';
import { SIGNATURE_PARAMS, type DocumentSigner } from './signing-keys';

/** The signer name of the server's own key (staff sign with their staff id). */
export const SERVER_SIGNER = 'server';

export const documentSignatureSchema = z
  .object({
    /** A staff id, or `server` */
    signer: z
      .string()
      .regex(/^[A-Za-z0-9._-]+$/)
      .max(40),
    keyId: z.string().regex(BASE64URL).max(40),
    /** IEEE P1363 r‖s (64 bytes for P-256), base64 */
    value: z.string().regex(BASE64).max(100),
  })
  .strict();
export type DocumentSignature = z.infer<typeof documentSignatureSchema>;

/** Signs one state of a document of `collection` (see signed-content.ts for the bytes). */
export async function signDocument(
  collection: string,
  state: object,
  signer: DocumentSigner,
): Promise<DocumentSignature> {
  const value = await crypto.subtle.sign(SIGNATURE_PARAMS, signer.privateKey, signedContent(collection, state));
  return { signer: signer.signer, keyId: signer.keyId, value: toBase64(new Uint8Array(value)) };
}

/** Whether `signature` is the holder of `publicKey` signing exactly this state of this collection. */
export async function verifyDocumentSignature(
  collection: string,
  state: object,
  signature: DocumentSignature,
  publicKey: CryptoKey,
): Promise<boolean> {
  let value: Uint8Array<ArrayBuffer>;
  try {
    value = fromBase64(signature.value);
  } catch {
    return false;
  }
  return crypto.subtle.verify(SIGNATURE_PARAMS, publicKey, value, signedContent(collection, state));
}
