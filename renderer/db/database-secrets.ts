import { arrayBufferToBase64, base64ToArrayBuffer } from 'rxdb';
import { DATABASE_KEY_BYTES, databaseKeySchema } from '../../shared/database-key';

/** What the local database needs from the device's database key. */
export interface DatabaseSecrets {
  /** AES-256-GCM key (not extractable) that seals document content at rest */
  sealingKey: CryptoKey;
  /**
   * Given to RxDB as the database `password`: RxDB stores its hash and refuses to open the
   * database with another one (error DB1), so a wrong key fails at once, not at first read.
   */
  rxdbPassword: string;
}

// Two independent keys from one: HKDF with distinct labels, so the hash RxDB stores of its
// password says nothing about the sealing key.
const SEALING_LABEL = 'sen/local-database/sealing/v1';
const PASSWORD_LABEL = 'sen/local-database/rxdb-password/v1';

export async function deriveDatabaseSecrets(databaseKey: string): Promise<DatabaseSecrets> {
  // WebCrypto exists only in secure contexts: the app's own file:// page, https, or loopback.
  if ((crypto.subtle as SubtleCrypto | undefined) === undefined) {
    throw new Error('The local database needs WebCrypto: serve the app over HTTPS or from this computer.');
  }
  const keyBytes = base64ToArrayBuffer(base64UrlToBase64(databaseKeySchema.parse(databaseKey)));
  if (keyBytes.byteLength !== DATABASE_KEY_BYTES) throw new Error('The database key is not 256 bits.');
  const master = await crypto.subtle.importKey('raw', keyBytes, 'HKDF', false, ['deriveKey', 'deriveBits']);
  const sealingKey = await crypto.subtle.deriveKey(
    hkdf(SEALING_LABEL),
    master,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  const passwordBits = await crypto.subtle.deriveBits(hkdf(PASSWORD_LABEL), master, 256);
  return { sealingKey, rxdbPassword: arrayBufferToBase64(passwordBits) };
}

/** A new random database key, in the format main hands over (browser mode generates its own). */
export function newDatabaseKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(DATABASE_KEY_BYTES));
  return arrayBufferToBase64(bytes.buffer).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function hkdf(label: string): HkdfParams {
  // A random salt would have to be stored beside the data; the key is already uniformly random.
  return { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode(label) };
}

function base64UrlToBase64(value: string): string {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/');
  return base64.padEnd(Math.ceil(base64.length / 4) * 4, '=');
}
