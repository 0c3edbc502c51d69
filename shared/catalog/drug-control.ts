import type { DrugDetails } from './catalog-details';

/**
 * Drugs under special control (Circular 20/2017/TT-BYT, detailing Decree 54/2017/NĐ-CP): narcotic
 * (gây nghiện, its Appendix I), psychotropic (hướng thần, Appendix II) and precursor (tiền chất,
 * Appendix III). A drug without a class is an ordinary one.
 */
export const DRUG_CONTROLS = ['narcotic', 'psychotropic', 'precursor'] as const;
export type DrugControl = (typeof DRUG_CONTROLS)[number];

/** The letter that ends a prescription's code (DOMAIN.md): N narcotic, H psychotropic or precursor, C other. */
export type PrescriptionKind = 'N' | 'H' | 'C';

export function prescriptionKindOfDrug(details: Pick<DrugDetails, 'control'>): PrescriptionKind {
  switch (details.control) {
    case 'narcotic':
      return 'N';
    case 'psychotropic':
    case 'precursor':
      return 'H';
    default:
      return 'C';
  }
}

/**
 * The kind of prescription these drugs go on, or null when they cannot share one. Narcotics are
 * prescribed on their own form "N" and psychotropics and precursors on form "H" (Circular
 * 52/2017/TT-BYT on outpatient prescriptions, Articles 7 and 9, and its form appendices), so a
 * prescription holds drugs of one kind only.
 */
export function prescriptionKindOf(drugs: readonly Pick<DrugDetails, 'control'>[]): PrescriptionKind | null {
  const kinds = new Set(drugs.map(prescriptionKindOfDrug));
  if (kinds.size > 1) return null;
  return [...kinds][0] ?? 'C';
}
