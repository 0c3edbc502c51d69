import { z } from 'zod';
import { USERNAME_PATTERN } from '../staff/staff-document';

/**
 * The province's admin API as the console and the server both see it (`/admin/v1/...`).
 * `province-admin` manages admin accounts and facilities; `sync-admin` runs the fleet.
 */
export const ADMIN_API_PREFIX = '/admin/v1';

export const ADMIN_ROLES = ['province-admin', 'sync-admin'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

export interface AdminIdentity {
  id: string;
  username: string;
  displayName: string;
  role: AdminRole;
}

export interface AdminAccountRecord extends AdminIdentity {
  active: boolean;
  lockedUntil: string | null;
  createdAt: string;
}

export const signInBodySchema = z.object({ username: z.string().max(64), password: z.string().max(128) }).strict();

export interface SignInResponse {
  token: string;
  admin: AdminIdentity;
  /** A session ends after this many idle minutes, and at `expiresAt` whatever happens. */
  idleMinutes: number;
  expiresAt: string;
}

export const newAdminAccountSchema = z
  .object({
    username: z.string().regex(USERNAME_PATTERN),
    displayName: z.string().trim().min(1).max(100),
    role: z.enum(ADMIN_ROLES),
    password: z.string().max(128),
  })
  .strict();

export const adminAccountChangesSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100).optional(),
    role: z.enum(ADMIN_ROLES).optional(),
    active: z.boolean().optional(),
    password: z.string().max(128).optional(),
    /** Lifts a lockout before its 15 minutes are up. */
    unlock: z.literal(true).optional(),
  })
  .strict();

/** Levels of care under the Law on Medical Examination and Treatment (2023). */
export const FACILITY_LEVELS = ['ban-dau', 'co-ban', 'chuyen-sau'] as const;
export type FacilityLevel = (typeof FACILITY_LEVELS)[number];

/** 2-digit (pre-2025) province code + 3-digit sequence, as in the BHYT facility list; 000 is no facility. */
export const FACILITY_CODE_PATTERN = /^\d{2}(?!000)\d{3}$/;

export const newFacilitySchema = z
  .object({
    code: z.string().regex(FACILITY_CODE_PATTERN),
    name: z.string().trim().min(3).max(200),
    level: z.enum(FACILITY_LEVELS),
    provinceCode: z.string().regex(/^\d{2}$/),
    wardCode: z.string().regex(/^\d{5}$/),
  })
  .strict();
export type NewFacility = z.infer<typeof newFacilitySchema>;

/** A facility's province is fixed (its feed and its devices' scope hang on it); the rest may change. */
export const facilityChangesSchema = newFacilitySchema.omit({ code: true, provinceCode: true }).partial().strict();
export type FacilityChanges = z.infer<typeof facilityChangesSchema>;

export interface FacilityRecord {
  code: string;
  name: string;
  level: FacilityLevel | null;
  provinceCode: string;
  wardCode: string | null;
  active: boolean;
  deviceCount: number;
}

export interface EnrollmentCodeResponse {
  code: string;
  facilityCode: string;
  validDays: number;
}

export interface AdminAuditEntry {
  id: number;
  at: string;
  adminId: string | null;
  adminName: string;
  action: string;
  target: string | null;
  detail: unknown;
}
