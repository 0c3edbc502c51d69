import { z } from 'zod';
import { BASE64, BASE64URL, fromBase64, toBase64 } from '../encoding/base64';
import { importPrivateKey } from '../signing/signing-keys';
import { MIN_PBKDF2_ITERATIONS } from './password-verifier';

const SALT_BYTES = 16;
const IV_BYTES = 12;

/**
 * A staff member's private signing key (PKCS#8) encrypted with AES-256-GCM under a key derived
 * from their password (PBKDF2-SHA256). It syncs with the account so that its owner can sign on
 * every PC of the facility, and never exists unencrypted outside a running session. Its salt is
 * its own: deriving it with the verifier's salt would make the synced verifier the key itself.
 */
export const sealedKeySchema = z
  .object({
    keyId: z.string().regex(BASE64URL).max(40),
    kdf: z
      .object({
        algorithm: z.enum(['pbkdf2-sha256']),
        iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(10_000_000),
        salt: z.string().regex(BASE64).max(64),
      })
      .strict(),
    iv: z.string().regex(BASE64).max(32),
    /** A P-256 PKCS#8 key is 138 bytes; with the GCM tag, 154. */
    ciphertext: z.string().regex(BASE64).max(400),
  })
  .strict();
export type SealedKey = z.infer<typeof sealedKeySchema>;

/** Seals an extractable private key under `password`. */
export async function sealPrivateKey(
  keyId: string,
  privateKey: CryptoKey,
  password: string,
  iterations = MIN_PBKDF2_ITERATIONS,
): Promise<SealedKey> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  try {
    return await sealBytes(keyId, pkcs8, password, iterations);
  } finally {
    pkcs8.fill(0);
  }
}

/**
 * The private key as a signing key WebCrypto will not hand out again; null when the password is
 * not the one it was sealed with (or the sealed key was altered: GCM authenticates it).
 */
export async function unsealPrivateKey(sealed: SealedKey, password: string): Promise<CryptoKey | null> {
  const pkcs8 = await openBytes(sealed, password);
  if (!pkcs8) return null;
  try {
    return await importPrivateKey(pkcs8);
  } finally {
    pkcs8.fill(0);
  }
}

/** The same private key under a new password (a password change: the key pair stays). */
export async function resealPrivateKey(
  sealed: SealedKey,
  currentPassword: string,
  newPassword: string,
): Promise<SealedKey | null> {
  const pkcs8 = await openBytes(sealed, currentPassword);
  if (!pkcs8) return null;
  try {
    return await sealBytes(sealed.keyId, pkcs8, newPassword, sealed.kdf.iterations);
  } finally {
    pkcs8.fill(0);
  }
}

async function sealBytes(
  keyId: string,
  pkcs8: Uint8Array<ArrayBuffer>,
  password: string,
  iterations: number,
): Promise<SealedKey> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const key = await sealingKey(password, salt, iterations);
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: label(keyId) }, key, pkcs8);
  return {
    keyId,
    kdf: { algorithm: 'pbkdf2-sha256', iterations, salt: toBase64(salt) },
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(ciphertext)),
  };
}

async function openBytes(sealed: SealedKey, password: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const key = await sealingKey(password, fromBase64(sealed.kdf.salt), sealed.kdf.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: label(sealed.keyId) },
      key,
      fromBase64(sealed.ciphertext),
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

async function sealingKey(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Bound into the ciphertext: a sealed key cannot be passed off under another key's name. */
function label(keyId: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`sen-staff-key:${keyId}`);
}
