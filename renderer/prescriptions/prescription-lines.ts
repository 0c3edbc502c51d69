import type { CatalogEntryOf } from '../../shared/catalog/catalog-entry';
import { quantityToDispense, type DispenseQuantity } from '../../shared/catalog/dispense-quantity';
import type { PrescribedDrug } from '../../shared/clinical/order-document';
import { normalizeText } from '../../shared/text/fold-vietnamese';

export type DrugEntry = CatalogEntryOf<'drug'>;

/** One line as the doctor fills it in: the drug chosen from the catalog and how to take it. */
export interface PrescriptionLineInput {
  drug: DrugEntry;
  dosePerTime: number;
  timesPerDay: number;
  days: number;
  route: string;
  instructions: string;
}

/**
 * The unit one dose is given in: what a dispensed unit holds when the catalog says (5 ml from a
 * 60 ml bottle), otherwise the dispensing unit itself (1 viên).
 */
export function doseUnitOf(drug: DrugEntry): string {
  return drug.details.unitContent?.unit ?? drug.details.unit;
}

/** How many units the line dispenses (shared/catalog/dispense-quantity.ts). */
export function lineQuantity(line: Omit<PrescriptionLineInput, 'route' | 'instructions'>): DispenseQuantity {
  return quantityToDispense(line.drug.details, {
    dosePerTime: line.dosePerTime,
    doseUnit: doseUnitOf(line.drug),
    timesPerDay: line.timesPerDay,
    days: line.days,
  });
}

export type LineResult = { ok: true; drug: PrescribedDrug } | { ok: false; code: 'invalid-dose' | 'unit-mismatch' };

/** The stored line: what the catalog says of the drug today, the dose, and the quantity it makes. */
export function prescribedDrugOf(line: PrescriptionLineInput): LineResult {
  const quantity = lineQuantity(line);
  if (!quantity.ok) return quantity;
  const { drug } = line;
  return {
    ok: true,
    drug: {
      code: drug.code,
      name: drug.name,
      activeIngredient: drug.details.ingredient,
      strength: drug.details.strength,
      form: drug.details.form,
      route: normalizeText(line.route) || drug.details.route,
      unit: quantity.unit,
      dosePerTime: line.dosePerTime,
      doseUnit: doseUnitOf(drug),
      timesPerDay: line.timesPerDay,
      days: line.days,
      quantity: quantity.quantity,
      instructions: normalizeText(line.instructions),
    },
  };
}
