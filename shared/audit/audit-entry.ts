import { z } from 'zod';

/** What the audit trail records: every opening of a chart and every write, and each login. */
export const AUDIT_ACTIONS = [
  'chart-open',
  'patient-create',
  'patient-update',
  'patient-delete',
  'staff-create',
  'staff-update',
  'password-change',
  'login',
  'login-failed',
  'logout',
  'lock',
  'unlock',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

const HASH = /^[0-9a-f]{64}$/;

/**
 * One entry of a device's append-only audit trail. Each entry carries the hash of the one
 * before it (`prevHash`) and its own (`hash`, over every other field), so the server can tell
 * when an entry is missing, altered or out of place. Sent to the server, never pulled back.
 */
export const auditEntrySchema = z
  .object({
    /** `<deviceId>-<seq>`: one entry per position in the device's chain */
    id: z.string().min(1).max(60),
    facilityCode: z
      .string()
      .regex(/^\d{5}$/)
      .max(5),
    deviceId: z.string().min(1).max(40),
    seq: z.number().int().multipleOf(1).min(1).max(1_000_000_000_000),
    /** The device clock: shown as data, never trusted for ordering (seq orders the chain). */
    at: z.string().max(40),
    /** The staff member; '' for a failed login under an unknown name */
    userId: z.string().max(40),
    username: z.string().max(64),
    action: z.enum(AUDIT_ACTIONS),
    /** '' when the action concerns no patient */
    patientId: z.string().max(40),
    prevHash: z.string().regex(HASH),
    hash: z.string().regex(HASH),
  })
  .strict();
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const GENESIS_HASH = '0'.repeat(64);

export function auditEntryId(deviceId: string, seq: number): string {
  return `${deviceId}-${String(seq)}`;
}

/**
 * SHA-256 over every field but the hash, in a fixed order, so that the client that writes the
 * chain and the server that checks it compute the same bytes.
 */
export async function auditEntryHash(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  const canonical = JSON.stringify([
    entry.id,
    entry.facilityCode,
    entry.deviceId,
    entry.seq,
    entry.at,
    entry.userId,
    entry.username,
    entry.action,
    entry.patientId,
    entry.prevHash,
  ]);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export const AUDIT_PUSH_MAX = 500;
