import { z } from 'zod';
import { BASE64, BASE64URL } from '../encoding/base64';
import { passwordVerifierSchema } from './password-verifier';
import { ROLES } from './roles';
import { sealedKeySchema } from './sealed-key';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** Keys an account may list: one per password reset, for the life of the account. */
export const STAFF_KEYS_MAX = 100;

/** A public key that signs for the account, vouched for by whoever added it (signed). */
export const staffPublicKeySchema = z
  .object({
    keyId: z.string().regex(BASE64URL).max(40),
    /** ECDSA P-256 SubjectPublicKeyInfo (DER), base64 */
    publicKey: z.string().regex(BASE64).max(200),
    /** The device clock of whoever added it: shown as data */
    createdAt: z.string().max(40),
  })
  .strict();
export type StaffPublicKey = z.infer<typeof staffPublicKeySchema>;

/**
 * A staff account of one facility: created at the province or by the facility admin, synced
 * down to every PC of the facility so that staff can log in offline. The password is held only
 * as a verifier (see password-verifier.ts). `keys` are the public keys that sign the staff
 * member's writes (append-only, newest last); `sealedKey` is the newest one's private key,
 * sealed with the password (see sealed-key.ts).
 */
export const staffDocumentSchema = z
  .object({
    id: z.string().min(1).max(40),
    facilityCode: z
      .string()
      .regex(/^\d{5}$/)
      .max(5),
    username: z.string().regex(USERNAME_PATTERN).max(32),
    displayName: z.string().trim().min(1).max(100),
    roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
    active: z.boolean(),
    password: passwordVerifierSchema,
    passwordChangedAt: z.string().max(40),
    updatedAt: z.string().max(40),
    /** The staff id that made this version, or `province` for the provincial admin. */
    updatedBy: z.string().min(1).max(40),
    keys: z.array(staffPublicKeySchema).min(1).max(STAFF_KEYS_MAX),
    sealedKey: sealedKeySchema,
  })
  .strict()
  // Login unseals the key the account signs with now: never an older one.
  .refine((account) => account.sealedKey.keyId === account.keys.at(-1)?.keyId, {
    path: ['sealedKey', 'keyId'],
    message: 'The sealed key must be the newest of the account’s keys.',
  });

export type StaffDocument = z.infer<typeof staffDocumentSchema>;

/** Written by the provincial admin API rather than by a staff member. */
export const PROVINCE_AUTHOR = 'province';

/** Fields a staff member may change on their own account: the password, nothing else. */
export const SELF_SERVICE_FIELDS: readonly (keyof StaffDocument)[] = [
  'password',
  'passwordChangedAt',
  // Re-sealed under the new password: the same key pair (the keys stay as they are).
  'sealedKey',
  'updatedAt',
  'updatedBy',
];
