import {
  SERVER_SIGNER,
  verifyDocumentSignature,
  type DocumentSignature,
} from '../../shared/signing/document-signature';
import { importPublicKey } from '../../shared/signing/signing-keys';
import type { StaffDocument } from '../../shared/staff/staff-document';
import type { ServerKey } from './server-key';

/**
 * Why a signature does not prove a write's author; sent as `details.reason` with 403 forbidden.
 * `signature-key-unknown`: the signer's account, as the server holds it, lists no such key. It
 * may yet arrive (a password reset on the same PC, not pushed yet), so the device sends the
 * write again once accounts have synced.
 */
export type SignatureRefusal = 'signature-missing' | 'signature-invalid' | 'signature-key-unknown';

export interface SignedVersion {
  collection: string;
  /** The state as pushed, without its envelope */
  state: object;
  signature: DocumentSignature | null;
  /** The staff id the document names as its author */
  author: unknown;
}

/** A facility's few dozen keys are asked for on every push: imported once each. */
const KEY_CACHE_SIZE = 10_000;

/**
 * Checks that a version is signed by the staff member it names as author, with a key their
 * account lists as the server holds it (never the pushed account's own keys), or by the server.
 */
export class SignatureChecker {
  private readonly publicKeys = new Map<string, Promise<CryptoKey | null>>();

  constructor(readonly serverKey: ServerKey) {}

  async refusal(version: SignedVersion, staff: ReadonlyMap<string, StaffDocument>): Promise<SignatureRefusal | null> {
    const { signature } = version;
    if (!signature) return 'signature-missing';
    if (signature.signer === SERVER_SIGNER) {
      return (await this.serverKey.signed(version.collection, version.state, signature)) ? null : 'signature-invalid';
    }
    if (signature.signer !== version.author) return 'signature-invalid';
    const listed = staff.get(signature.signer)?.keys.find((key) => key.keyId === signature.keyId);
    if (!listed) return 'signature-key-unknown';
    const publicKey = await this.publicKey(listed.publicKey);
    if (!publicKey) return 'signature-invalid';
    return (await verifyDocumentSignature(version.collection, version.state, signature, publicKey))
      ? null
      : 'signature-invalid';
  }

  /** The imported key, or null for bytes that are no P-256 public key. */
  private publicKey(spki: string): Promise<CryptoKey | null> {
    let key = this.publicKeys.get(spki);
    if (!key) {
      if (this.publicKeys.size >= KEY_CACHE_SIZE) this.publicKeys.clear();
      key = importPublicKey(spki).catch(() => null);
      this.publicKeys.set(spki, key);
    }
    return key;
  }
}
