import type { Allergy, ObservationDocument } from '../../shared/clinical/observation-document';
import { foldVietnamese } from '../../shared/text/fold-vietnamese';

export interface AllergyEntry extends Allergy {
  id: string;
  recordedAt: string;
  recordedBy: string;
  /** Who last changed it and when: for an inactive one, who found it wrong */
  updatedAt: string;
  updatedBy: string;
  /** Why it was made inactive ('' while active) */
  note: string;
}

export interface PatientAllergies {
  active: AllergyEntry[];
  inactive: AllergyEntry[];
}

/** "Amoxicilin " and "AMOXICILIN" are one ingredient: the key a prescription is checked with. */
export function allergyIngredientKey(ingredient: string): string {
  return foldVietnamese(ingredient);
}

const SEVERITY_ORDER = { severe: 0, moderate: 1, mild: 2 } as const;

/**
 * The patient's allergies, active ones first by severity (the severe are read first), then the
 * inactive ones, most recently withdrawn first: never dropped, the record keeps them.
 */
export function foldAllergies(observations: readonly ObservationDocument[]): PatientAllergies {
  const active: AllergyEntry[] = [];
  const inactive: AllergyEntry[] = [];
  for (const observation of observations) {
    if (observation.kind !== 'allergy' || !observation.allergy) continue;
    const entry: AllergyEntry = {
      ...observation.allergy,
      id: observation.id,
      recordedAt: observation.recordedAt,
      recordedBy: observation.createdBy,
      updatedAt: observation.updatedAt,
      updatedBy: observation.updatedBy,
      note: observation.note,
    };
    (entry.active ? active : inactive).push(entry);
  }
  active.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      foldVietnamese(a.substance).localeCompare(foldVietnamese(b.substance)),
  );
  inactive.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  return { active, inactive };
}
