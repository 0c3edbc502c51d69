import { z } from 'zod';
import { passwordVerifierSchema } from './password-verifier';
import { ROLES } from './roles';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/**
 * A staff account of one facility: created at the province or by the facility admin, synced
 * down to every PC of the facility so that staff can log in offline. The password is held only
 * as a verifier (see password-verifier.ts).
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
  })
  .strict();

export type StaffDocument = z.infer<typeof staffDocumentSchema>;

/** Written by the provincial admin API rather than by a staff member. */
export const PROVINCE_AUTHOR = 'province';

/** Fields a staff member may change on their own account: the password, nothing else. */
export const SELF_SERVICE_FIELDS: readonly (keyof StaffDocument)[] = [
  'password',
  'passwordChangedAt',
  'updatedAt',
  'updatedBy',
];
