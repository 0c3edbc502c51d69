import { fromBase64, toBase64, toBase64Url } from '../encoding/base64';

/** ECDSA over P-256 with SHA-256 (WebCrypto, in every browser, Electron and Node 22). */
export const SIGNING_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;
export const SIGNATURE_PARAMS = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Who signs what: a staff member (their id) or the server. */
export interface DocumentSigner {
  signer: string;
  keyId: string;
  privateKey: CryptoKey;
}

export interface NewSigningKey {
  keyId: string;
  /** SubjectPublicKeyInfo (DER), base64 */
  publicKey: string;
  /** Extractable once, so that it can be sealed (staff) or stored (server); never kept so. */
  privateKey: CryptoKey;
}

export async function generateSigningKey(): Promise<NewSigningKey> {
  const pair = await crypto.subtle.generateKey(SIGNING_ALGORITHM, true, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { keyId: await keyIdOf(spki), publicKey: toBase64(spki), privateKey: pair.privateKey };
}

/** A key's name: base64url of the first 16 bytes of the SHA-256 of its SPKI, so it names one key. */
export async function keyIdOf(spki: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', spki));
  return toBase64Url(digest.slice(0, 16));
}

export function importPublicKey(publicKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('spki', fromBase64(publicKey), SIGNING_ALGORITHM, false, ['verify']);
}

/** A PKCS#8 private key as a signing key that cannot be read back out of WebCrypto. */
export function importPrivateKey(pkcs8: Uint8Array<ArrayBuffer>, extractable = false): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', pkcs8, SIGNING_ALGORITHM, extractable, ['sign']);
}
