import type { SyncedDocument } from '../sync/protocol';
import { can, PROVINCE_GRANTED_ROLES } from './roles';
import { SELF_SERVICE_FIELDS, type StaffDocument } from './staff-document';
import type { PatientDocument } from '../patient/patient-document';

/** Why the server refuses a write by its author; sent as `details.reason` with 403 forbidden. */
export type WriteRefusal = 'author-unknown' | 'author-inactive' | 'not-permitted' | 'author-mismatch';

/**
 * The author of a pushed patient needs the permission for what the push does: register a new
 * record, edit one, or delete one. A new record's creator is its author.
 */
export function authorizePatientWrite(
  author: StaffDocument,
  master: SyncedDocument<PatientDocument> | undefined,
  pushed: SyncedDocument<PatientDocument>,
): WriteRefusal | null {
  if (!master) {
    if (pushed.createdBy !== author.id) return 'author-mismatch';
    return can(author.roles, 'patient.register') ? null : 'not-permitted';
  }
  if (pushed.createdBy !== master.createdBy) return 'author-mismatch';
  return can(author.roles, pushed._deleted ? 'patient.delete' : 'patient.edit') ? null : 'not-permitted';
}

/**
 * Staff may change their own password; everything else about an account needs staff.manage,
 * and roles the province grants cannot be granted from a facility. Accounts are deactivated,
 * never deleted, so that the audit trail keeps naming who did what.
 */
export function authorizeStaffWrite(
  author: StaffDocument,
  master: SyncedDocument<StaffDocument> | undefined,
  pushed: SyncedDocument<StaffDocument>,
): WriteRefusal | null {
  if (pushed._deleted) return 'not-permitted';
  if (master && author.id === pushed.id && onlyChanged(master, pushed, SELF_SERVICE_FIELDS)) return null;
  if (!can(author.roles, 'staff.manage')) return 'not-permitted';
  const granted = pushed.roles.filter((role) => !master?.roles.includes(role));
  return granted.some((role) => PROVINCE_GRANTED_ROLES.includes(role)) ? 'not-permitted' : null;
}

function onlyChanged<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T>;
  for (const key of keys) {
    if (key === '_deleted' || fields.includes(key)) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) return false;
  }
  return true;
}
