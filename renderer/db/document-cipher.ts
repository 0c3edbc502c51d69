import { base64ToBytes, bytesToBase64 } from './base64';

const IV_BYTES = 12;
/** Written before every sealed value, so that a later algorithm can be told apart. */
const FORMAT = 'v1';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * AES-256-GCM over JSON values, through WebCrypto (native, and authenticated: a changed byte
 * or a value moved to another document fails to open rather than decrypting to garbage).
 *
 * `context` is bound as additional authenticated data: the storage passes the collection and
 * the document's id, so a sealed name cannot be swapped onto another patient's record.
 * Each seal draws a fresh random 96-bit IV; at well under 2^32 seals per key the chance of
 * an IV repeating stays negligible.
 */
export class DocumentCipher {
  constructor(private readonly key: CryptoKey) {}

  async seal(value: unknown, context: string): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const plaintext = encoder.encode(JSON.stringify(value));
    const ciphertext = await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: encoder.encode(context) },
      this.key,
      plaintext,
    );
    return `${FORMAT}.${bytesToBase64(iv)}.${bytesToBase64(ciphertext)}`;
  }

  async open(sealed: string, context: string): Promise<unknown> {
    const [format, iv, ciphertext] = sealed.split('.');
    if (format !== FORMAT || iv === undefined || ciphertext === undefined) {
      throw new SealedValueError(`Not a sealed value (${context}).`);
    }
    let plaintext: ArrayBuffer;
    try {
      plaintext = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: base64ToBytes(iv), additionalData: encoder.encode(context) },
        this.key,
        base64ToBytes(ciphertext),
      );
    } catch (error) {
      // WebCrypto says only "OperationError": name what failed and the likely cause.
      throw new SealedValueError(
        `A stored value does not open with this device's database key (${context}): wrong key, or the data was altered.`,
        { cause: error },
      );
    }
    return JSON.parse(decoder.decode(plaintext));
  }
}

export class SealedValueError extends Error {
  override readonly name = 'SealedValueError';
}
