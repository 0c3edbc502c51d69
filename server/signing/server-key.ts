import { z } from 'zod';
import { BASE64, fromBase64, toBase64 } from '../../shared/encoding/base64';
import {
  SERVER_SIGNER,
  signDocument,
  verifyDocumentSignature,
  type DocumentSignature,
} from '../../shared/signing/document-signature';
import { generateSigningKey, importPrivateKey, importPublicKey } from '../../shared/signing/signing-keys';
import type { SqlExecutor } from '../db/database';

const SERVER_KEY_ROW = 'signing-key';

const storedKeySchema = z
  .object({ keyId: z.string().min(1), publicKey: z.string().regex(BASE64), privateKey: z.string().regex(BASE64) })
  .strict();

/**
 * The server's own ECDSA P-256 key (signer `server`): it signs what the province writes
 * (accounts made through the admin API, the demo seed) and the states it merges, and a pushed
 * version bearing its signature is one the server made. Kept in `server_meta`, created at first
 * start; whoever can read the database can sign as the server (see the decision note).
 */
export class ServerKey {
  private constructor(
    readonly keyId: string,
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
  ) {}

  /** The stored key, created first if the database has none (two servers starting agree). */
  static async load(database: SqlExecutor): Promise<ServerKey> {
    const fresh = await generateSigningKey();
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', fresh.privateKey));
    const candidate = { keyId: fresh.keyId, publicKey: fresh.publicKey, privateKey: toBase64(pkcs8) };
    await database.query(`INSERT INTO server_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING`, [
      SERVER_KEY_ROW,
      JSON.stringify(candidate),
    ]);
    const [row] = await database.query<{ value: string }>(`SELECT value FROM server_meta WHERE key = $1`, [
      SERVER_KEY_ROW,
    ]);
    if (!row) throw new Error('The server key was just stored.');
    const stored = storedKeySchema.parse(JSON.parse(row.value));
    return new ServerKey(
      stored.keyId,
      await importPrivateKey(fromBase64(stored.privateKey)),
      await importPublicKey(stored.publicKey),
    );
  }

  sign(collection: string, state: object): Promise<DocumentSignature> {
    return signDocument(collection, state, { signer: SERVER_SIGNER, keyId: this.keyId, privateKey: this.privateKey });
  }

  /** Whether the server signed exactly this state. */
  async signed(collection: string, state: object, signature: DocumentSignature): Promise<boolean> {
    if (signature.signer !== SERVER_SIGNER || signature.keyId !== this.keyId) return false;
    return verifyDocumentSignature(collection, state, signature, this.publicKey);
  }
}
