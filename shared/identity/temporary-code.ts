import { completedMonths } from '../patient/patient-age';
import type { PatientDocument } from '../patient/patient-document';

/**
 * A newborn's temporary identifier (DOMAIN.md: "Newborns have none yet: use a temporary code
 * that cannot be mistaken for a CCCD, merge later"). A child registered before their first
 * birthday without a CCCD is known by `SS-` (sơ sinh) and their patient code: letters and dashes,
 * so never read as a 12-digit CCCD, and unique within the facility because the patient code is
 * (the server checks it). Derived, never stored: it stops applying the moment the record gets a
 * CCCD, and the province's patient index then proposes merging the child's other records.
 */
export const TEMPORARY_CODE_PREFIX = 'SS-';

/** Registered within this many completed months of birth counts as a newborn. */
export const NEWBORN_MONTHS = 12;

export type TemporaryCodeFields = Pick<PatientDocument, 'cccd' | 'patientCode' | 'dateOfBirth' | 'createdAt'>;

/** The record's temporary code, or null when it has a CCCD or was not registered as a newborn. */
export function temporaryCode(patient: TemporaryCodeFields): string | null {
  if (patient.cccd !== '') return null;
  const registeredOn = patient.createdAt.slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(registeredOn) || registeredOn < patient.dateOfBirth) return null;
  if (completedMonths(patient.dateOfBirth, registeredOn) >= NEWBORN_MONTHS) return null;
  return `${TEMPORARY_CODE_PREFIX}${patient.patientCode}`;
}
