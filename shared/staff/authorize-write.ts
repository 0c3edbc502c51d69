import type { PatientDocument } from '../patient/patient-document';
import { documentStateKey } from '../sync/document-state';
import type { SyncedDocument } from '../sync/protocol';
import { can, PROVINCE_GRANTED_ROLES, type Role } from './roles';
import { SELF_SERVICE_FIELDS, type StaffDocument, type StaffPublicKey } from './staff-document';

/** Why the server refuses a write by its author; sent as `details.reason` with 403 forbidden. */
export type WriteRefusal = 'author-unknown' | 'author-inactive' | 'not-permitted' | 'author-mismatch';

/** One pushed write as the server sees it, with the facility's accounts to look authors up in. */
export interface WriteAttempt<T> {
  /** The server's current state; undefined for a new document */
  master: SyncedDocument<T> | undefined;
  /** The state the device edited (RxDB's assumed master); null or undefined if it had none */
  assumed: SyncedDocument<T> | null | undefined;
  pushed: SyncedDocument<T>;
  staff: (id: string) => StaffDocument | undefined;
  /** The facility of the device that pushed the write */
  writerFacility: string;
}

export function standing(account: StaffDocument | undefined): WriteRefusal | null {
  if (!account) return 'author-unknown';
  return account.active ? null : 'author-inactive';
}

/**
 * A new patient's creator needs patient.register (and a different last author patient.edit);
 * an edit needs patient.edit; deleting or restoring needs patient.delete. What changed is judged
 * against the state the device edited, so an edit merged over someone else's is not mistaken
 * for a deletion. The creator never changes.
 */
export function authorizePatientWrite(attempt: WriteAttempt<PatientDocument>): WriteRefusal | null {
  const { pushed, staff } = attempt;
  const author = staff(pushed.updatedBy);
  const authorStanding = standing(author);
  if (authorStanding || !author) return authorStanding;
  const base = attempt.assumed ?? attempt.master;
  if (!attempt.master) {
    const creator = staff(pushed.createdBy);
    const creatorStanding = standing(creator);
    if (creatorStanding || !creator) return creatorStanding;
    if (!can(creator.roles, 'patient.register')) return 'not-permitted';
    if (creator.id !== author.id && !can(author.roles, 'patient.edit')) return 'not-permitted';
    return pushed._deleted && !can(author.roles, 'patient.delete') ? 'not-permitted' : null;
  }
  if (pushed.createdBy !== attempt.master.createdBy) return 'author-mismatch';
  const deletionChanged = (base?._deleted ?? false) !== pushed._deleted;
  return can(author.roles, deletionChanged ? 'patient.delete' : 'patient.edit') ? null : 'not-permitted';
}

/**
 * Staff may change their own password (re-sealing their key under it) and nothing else of their
 * own account. Anything else needs staff.manage, and never touches an account holding a role
 * only the province grants, nor grants one: a facility admin cannot take over or create a sync
 * admin. Accounts are deactivated, never deleted, so that the audit trail keeps naming who did
 * what. An account's keys are append-only: a key once listed stays, so that what it signed can
 * still be checked, and only staff.manage (or the province) vouches for a new one.
 */
export function authorizeStaffWrite(attempt: WriteAttempt<StaffDocument>): WriteRefusal | null {
  const { pushed, staff, master } = attempt;
  const author = staff(pushed.updatedBy);
  const authorStanding = standing(author);
  if (authorStanding || !author) return authorStanding;
  if (pushed._deleted) return 'not-permitted';
  if (master && !keysAppendedTo(master.keys, pushed.keys)) return 'not-permitted';
  const base = attempt.assumed ?? master;
  if (author.id === pushed.id) return base && onlyChanged(base, pushed, SELF_SERVICE_FIELDS) ? null : 'not-permitted';
  if (!can(author.roles, 'staff.manage')) return 'not-permitted';
  if (master && holdsProvinceRole(master.roles)) return 'not-permitted';
  return holdsProvinceRole(pushed.roles) ? 'not-permitted' : null;
}

/** Whether `after` is `before` with keys added at the end, none changed or removed. */
function keysAppendedTo(before: readonly StaffPublicKey[], after: readonly StaffPublicKey[]): boolean {
  return after.length >= before.length && before.every((key, n) => sameValue(key, after[n]));
}

/** By content: a value read back from the server's jsonb has its keys in another order. */
function sameValue(a: unknown, b: unknown): boolean {
  return documentStateKey({ value: a ?? null }) === documentStateKey({ value: b ?? null });
}

function holdsProvinceRole(roles: readonly Role[]): boolean {
  return roles.some((role) => PROVINCE_GRANTED_ROLES.includes(role));
}

function onlyChanged<T extends object>(before: T, after: T, fields: readonly (keyof T)[]): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]) as Set<keyof T>;
  for (const key of keys) {
    if (key === '_deleted' || fields.includes(key)) continue;
    if (!sameValue(before[key], after[key])) return false;
  }
  return true;
}
