import { generateSigningKey } from '../signing/signing-keys';
import { sealPrivateKey, type SealedKey } from './sealed-key';
import type { StaffPublicKey } from './staff-document';

/**
 * A new key pair for an account, made where its password is typed (a facility admin's PC, or the
 * province's admin API): the public half to append to the account's `keys`, the private half
 * sealed with the password. The private key is not kept anywhere else.
 */
export async function newStaffKey(
  password: string,
  now: string,
): Promise<{ key: StaffPublicKey; sealedKey: SealedKey }> {
  const { keyId, publicKey, privateKey } = await generateSigningKey();
  return { key: { keyId, publicKey, createdAt: now }, sealedKey: await sealPrivateKey(keyId, privateKey, password) };
}
