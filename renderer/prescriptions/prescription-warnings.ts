import type { Allergy } from '../../shared/clinical/observation-document';
import { foldVietnamese } from '../../shared/text/fold-vietnamese';

/** What the warnings need of a drug: its name and its active ingredient(s) as the catalog spells them. */
export interface DrugIngredients {
  code: string;
  name: string;
  activeIngredient: string;
}

/**
 * A reason to look twice before saving a prescription:
 * - `allergy`: a drug contains an ingredient the patient is (actively) allergic to;
 * - `duplicate-ingredient`: two lines of this prescription share an active ingredient;
 * - `duplicate-open`: a line shares an ingredient with another open prescription of the visit.
 */
export type PrescriptionWarning =
  | { kind: 'allergy'; drugName: string; ingredient: string; substance: string }
  | { kind: 'duplicate-ingredient'; ingredient: string; drugNames: string[] }
  | { kind: 'duplicate-open'; ingredient: string; drugName: string; prescriptionCode: string };

/** A warning the doctor confirmed, with its text as kept on the order (in the record's language). */
export interface ConfirmedWarning {
  warning: PrescriptionWarning;
  text: string;
}

/** What makes a warning the one it is: its kind and every detail (drug, ingredient, prescription…). */
export function warningKey(warning: PrescriptionWarning): string {
  return JSON.stringify(warning, Object.keys(warning).sort());
}

/**
 * The warnings not among those confirmed, compared by what they say, not by how many there are:
 * two confirmed warnings do not confirm two others that a changed line brings up.
 */
export function unconfirmedWarnings(
  warnings: readonly PrescriptionWarning[],
  confirmed: readonly PrescriptionWarning[],
): PrescriptionWarning[] {
  const keys = new Set(confirmed.map(warningKey));
  return warnings.filter((warning) => !keys.has(warningKey(warning)));
}

/** An open prescription of the same visit, as far as the duplicate check needs it. */
export interface OpenPrescription {
  prescriptionCode: string;
  drugs: readonly DrugIngredients[];
}

/**
 * The folded ingredients of a drug: "Amoxicilin + Acid clavulanic" is two, "Paracetamol, Cafein"
 * too. Folded as catalog search keys are (no diacritics, đ→d, lower case).
 */
export function ingredientKeys(activeIngredient: string): string[] {
  const keys = activeIngredient
    .split(/[+,]/)
    .map((part) => foldVietnamese(part))
    .filter((key) => key !== '');
  return [...new Set(keys)];
}

/**
 * Whether an allergy's ingredient names this ingredient. The allergy may name the base and the
 * list the salt ("codein" against "codein phosphat", "diclofenac" against "diclofenac natri"):
 * whole leading words count, so "cef" does not match "cefalexin".
 */
function sameIngredient(allergyKey: string, ingredient: string): boolean {
  if (allergyKey === ingredient) return true;
  return ingredient.startsWith(`${allergyKey} `) || allergyKey.startsWith(`${ingredient} `);
}

/**
 * Every warning for the lines about to be prescribed, given the patient's allergies and the
 * visit's other open prescriptions. Pure: the doctor's screen and the repository ask the same.
 */
export function prescriptionWarnings(
  lines: readonly DrugIngredients[],
  allergies: readonly Allergy[],
  openPrescriptions: readonly OpenPrescription[] = [],
): PrescriptionWarning[] {
  const warnings: PrescriptionWarning[] = [];
  const active = allergies.filter((allergy) => allergy.active && allergy.ingredientKey.trim() !== '');

  for (const line of lines) {
    for (const ingredient of ingredientKeys(line.activeIngredient)) {
      const allergy = active.find((candidate) =>
        ingredientKeys(candidate.ingredientKey).some((key) => sameIngredient(key, ingredient)),
      );
      if (allergy) warnings.push({ kind: 'allergy', drugName: line.name, ingredient, substance: allergy.substance });
    }
  }

  const linesByIngredient = new Map<string, string[]>();
  for (const line of lines) {
    for (const ingredient of ingredientKeys(line.activeIngredient)) {
      linesByIngredient.set(ingredient, [...(linesByIngredient.get(ingredient) ?? []), line.name]);
    }
  }
  for (const [ingredient, drugNames] of linesByIngredient) {
    if (drugNames.length > 1) warnings.push({ kind: 'duplicate-ingredient', ingredient, drugNames });
  }

  for (const line of lines) {
    const ingredients = ingredientKeys(line.activeIngredient);
    for (const open of openPrescriptions) {
      const shared = ingredients.filter((ingredient) =>
        open.drugs.some((drug) => ingredientKeys(drug.activeIngredient).includes(ingredient)),
      );
      for (const ingredient of shared) {
        warnings.push({
          kind: 'duplicate-open',
          ingredient,
          drugName: line.name,
          prescriptionCode: open.prescriptionCode,
        });
      }
    }
  }
  return warnings;
}
