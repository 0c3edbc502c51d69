import { standing, type WriteAttempt, type WriteRefusal } from '../staff/authorize-write';
import { can, type Permission } from '../staff/roles';
import type { EncounterDocument } from './encounter-document';
import type { NoteDocument, NoteKind } from './note-document';
import type { ObservationDocument } from './observation-document';
import type { OrderDocument, OrderStatus } from './order-document';

type Attempt<T> = WriteAttempt<T & { createdBy: string; updatedBy: string }>;

/** Fields that change with every write and say nothing about what was done. */
const BOOKKEEPING = new Set(['updatedAt', 'updatedBy', '_deleted']);

function changedFields<T extends object>(before: T | null | undefined, after: T): Set<string> {
  if (!before) return new Set(Object.keys(after).filter((field) => !BOOKKEEPING.has(field)));
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changed = new Set<string>();
  for (const field of fields) {
    if (BOOKKEEPING.has(field)) continue;
    const a = (before as Record<string, unknown>)[field];
    const b = (after as Record<string, unknown>)[field];
    if (JSON.stringify(a) !== JSON.stringify(b)) changed.add(field);
  }
  return changed;
}

/**
 * The common part of every clinical write: an active author of the facility, a creator that
 * never changes, no deletions (clinical records are cancelled or made inactive, never removed),
 * and the permissions that the changed fields need.
 */
function authorizeClinicalWrite<T extends { createdBy: string; updatedBy: string }>(
  attempt: Attempt<T>,
  needed: (changed: Set<string>, isNew: boolean) => Permission[],
): WriteRefusal | null {
  const { pushed, master, staff } = attempt;
  const author = staff(pushed.updatedBy);
  const authorStanding = standing(author);
  if (authorStanding || !author) return authorStanding;
  if (master ? pushed.createdBy !== master.createdBy : pushed.createdBy !== pushed.updatedBy) return 'author-mismatch';
  if (pushed._deleted) return 'not-permitted';
  const base = attempt.assumed ?? master;
  const permissions = needed(changedFields(base, pushed), !master);
  return permissions.every((permission) => can(author.roles, permission)) ? null : 'not-permitted';
}

const QUEUE_FIELDS = new Set(['status', 'roomCode', 'departmentCode', 'queueNumber', 'queueDate', 'queuedAt']);
const DIAGNOSIS_FIELDS = new Set(['diagnoses']);

/**
 * Sending a patient to a room (a new visit, or moving or cancelling it while it waits) needs
 * visit.queue; examining, concluding and calling in need encounter.write; diagnoses need
 * diagnosis.write.
 */
export function authorizeEncounterWrite(attempt: Attempt<EncounterDocument>): WriteRefusal | null {
  if (attempt.pushed.kind === 'inpatient' || attempt.master?.kind === 'inpatient') return authorizeStayWrite(attempt);
  return authorizeClinicalWrite(attempt, (changed, isNew) => {
    const needed: Permission[] = [];
    const queueOnly = [...changed].every((field) => QUEUE_FIELDS.has(field) || field === 'queuedBy');
    const stillWaiting = attempt.pushed.status === 'waiting' || attempt.pushed.status === 'cancelled';
    if (isNew || (queueOnly && stillWaiting)) needed.push('visit.queue');
    else needed.push('encounter.write');
    if ([...changed].some((field) => DIAGNOSIS_FIELDS.has(field)) && attempt.pushed.diagnoses.length > 0)
      needed.push('diagnosis.write');
    return needed;
  });
}

const HANDLING_FIELDS = new Set(['status', 'handledBy', 'completedAt']);

/**
 * Ordering needs order.write (prescription.write for a prescription); taking an order forward
 * (status, who handles it) needs the handler's permission: lab-result.write for tests,
 * dispense.write for drugs. The doctor who may order may also cancel.
 */
export function authorizeOrderWrite(attempt: Attempt<OrderDocument>): WriteRefusal | null {
  if (!statusMayChange(attempt)) return 'not-permitted';
  const ordering: Permission = attempt.pushed.kind === 'prescription' ? 'prescription.write' : 'order.write';
  const handling: Permission = attempt.pushed.kind === 'prescription' ? 'dispense.write' : 'lab-result.write';
  return authorizeClinicalWrite(attempt, (changed, isNew) => {
    if (isNew) return [ordering];
    const handlingOnly = [...changed].every((field) => HANDLING_FIELDS.has(field));
    if (handlingOnly && attempt.pushed.status !== 'cancelled') return [handling];
    return [ordering];
  });
}

/**
 * Where an order may go from each status: forward to the lab or pharmacy and to completion, or
 * cancelled while still open. A completed or cancelled order stays so (no un-completing, no
 * results after a cancellation), and an order once started is not put back.
 */
const NEXT_ORDER_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  ordered: ['in-progress', 'completed', 'cancelled'],
  'in-progress': ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/**
 * A write that changes the status (from the state its device edited) must move it, from the
 * server's current status, along NEXT_ORDER_STATUSES. A write that leaves the status as its
 * device found it is not judged by it: merged, it keeps the server's.
 */
function statusMayChange({ master, assumed, pushed }: Attempt<OrderDocument>): boolean {
  if (!master || master.status === pushed.status) return true;
  if (assumed && assumed.status === pushed.status) return true;
  return NEXT_ORDER_STATUSES[master.status].includes(pushed.status);
}

/** Vital signs and allergies need encounter.write; a lab result needs lab-result.write. */
export function authorizeObservationWrite(attempt: Attempt<ObservationDocument>): WriteRefusal | null {
  const permission: Permission = attempt.pushed.kind === 'lab-result' ? 'lab-result.write' : 'encounter.write';
  return authorizeClinicalWrite(attempt, () => [permission]);
}

/**
 * A stay: admitting it (and its admission part ever after) needs inpatient.admit, ending it
 * needs inpatient.discharge, anything else done in it encounter.write; diagnoses as on a visit.
 */
function authorizeStayWrite(attempt: Attempt<EncounterDocument>): WriteRefusal | null {
  return authorizeClinicalWrite(attempt, (changed, isNew) => {
    const needed: Permission[] = [];
    if (isNew || changed.has('stay') || changed.has('kind')) needed.push('inpatient.admit');
    if (!isNew && changed.has('status')) needed.push('inpatient.discharge');
    if (!isNew && changed.size > 0) needed.push('encounter.write');
    if (changed.has('diagnoses') && attempt.pushed.diagnoses.length > 0) needed.push('diagnosis.write');
    return needed;
  });
}

const NOTE_PERMISSIONS: Readonly<Record<NoteKind, Permission>> = {
  progress: 'progress-note.write',
  'discharge-summary': 'inpatient.discharge',
  transfer: 'inpatient.transfer',
};

/** A note needs the permission of its kind, to write it and to change it (its kind included). */
export function authorizeNoteWrite(attempt: Attempt<NoteDocument>): WriteRefusal | null {
  const kinds = new Set([attempt.pushed.kind, attempt.master?.kind ?? attempt.pushed.kind]);
  return authorizeClinicalWrite(attempt, () => [...kinds].map((kind) => NOTE_PERMISSIONS[kind]));
}
