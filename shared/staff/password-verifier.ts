import { z } from 'zod';
import { BASE64, fromBase64, toBase64 } from '../encoding/base64';

/**
 * Offline login checks a password against a verifier synced with the account: PBKDF2-SHA256
 * (WebCrypto, in every browser, Electron and Node) with at least 600,000 iterations, OWASP's
 * figure for SHA-256. A stolen PC then costs an attacker ~0.3 s of CPU per guess per account.
 */
export const MIN_PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const HASH_BITS = 256;

export const passwordVerifierSchema = z
  .object({
    algorithm: z.enum(['pbkdf2-sha256']),
    iterations: z.number().int().min(MIN_PBKDF2_ITERATIONS).max(10_000_000),
    salt: z.string().regex(BASE64).max(64),
    hash: z.string().regex(BASE64).max(64),
  })
  .strict();
export type PasswordVerifier = z.infer<typeof passwordVerifierSchema>;

export async function createPasswordVerifier(
  password: string,
  iterations = MIN_PBKDF2_ITERATIONS,
): Promise<PasswordVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await pbkdf2(password, salt, iterations);
  return { algorithm: 'pbkdf2-sha256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

export async function verifyPassword(password: string, verifier: PasswordVerifier): Promise<boolean> {
  const expected = fromBase64(verifier.hash);
  const actual = await pbkdf2(password, fromBase64(verifier.salt), verifier.iterations);
  return constantTimeEqual(actual, expected);
}

async function pbkdf2(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(password.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveBits'],
  );
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= (a[index] ?? 0) ^ (b[index] ?? 0);
  return difference === 0;
}
