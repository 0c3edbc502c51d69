import type { PatientDocument } from './patient-document';

/**
 * Why a registered patient may be the one being registered again. Children and many elderly
 * patients have no CCCD, so the clerk is shown these before saving, never blocked by them.
 */
export type DuplicateReason = 'duplicate-name-birth-date' | 'duplicate-name-birth-year-ward' | 'duplicate-phone';

export interface PossibleDuplicate {
  patient: PatientDocument;
  reasons: DuplicateReason[];
}

type Compared = Pick<PatientDocument, 'id' | 'nameKey' | 'dateOfBirth' | 'address' | 'phone' | 'cccd'>;

/**
 * Same folded full name (`nameKey`: no diacritics, lower case) and birth date; or same folded
 * name, birth year and ward (a birth date known only roughly); or same phone. Two different
 * CCCDs are two people, whatever else they share.
 */
export function duplicateReasons(candidate: Compared, registered: Compared): DuplicateReason[] {
  if (candidate.id === registered.id) return [];
  if (candidate.cccd !== '' && registered.cccd !== '' && candidate.cccd !== registered.cccd) return [];
  const reasons: DuplicateReason[] = [];
  const sameName = candidate.nameKey === registered.nameKey;
  if (sameName && candidate.dateOfBirth === registered.dateOfBirth) reasons.push('duplicate-name-birth-date');
  else if (
    sameName &&
    candidate.dateOfBirth.slice(0, 4) === registered.dateOfBirth.slice(0, 4) &&
    candidate.address.wardCode !== '' &&
    candidate.address.wardCode === registered.address.wardCode
  )
    reasons.push('duplicate-name-birth-year-ward');
  if (candidate.phone !== '' && candidate.phone === registered.phone) reasons.push('duplicate-phone');
  return reasons;
}

/** The registered patients that may be the candidate, each once, closest matches first. */
export function possibleDuplicates(candidate: Compared, registered: readonly PatientDocument[]): PossibleDuplicate[] {
  const byId = new Map<string, PossibleDuplicate>();
  for (const patient of registered) {
    const reasons = duplicateReasons(candidate, patient);
    if (reasons.length > 0) byId.set(patient.id, { patient, reasons });
  }
  const rank = (duplicate: PossibleDuplicate): number =>
    duplicate.reasons.includes('duplicate-name-birth-date') ? 0 : duplicate.reasons.length > 1 ? 1 : 2;
  return [...byId.values()].sort((a, b) => rank(a) - rank(b) || a.patient.id.localeCompare(b.patient.id));
}
