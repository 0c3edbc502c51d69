import type { DrugDetails } from './catalog-details';

export interface DoseOrder {
  /** How much one dose is: 1 (viên), 0.5 (viên), 5 (ml) … */
  dosePerTime: number;
  /** The unit the dose is given in: the drug's dispensing unit or the unit its content is measured in. */
  doseUnit: string;
  timesPerDay: number;
  days: number;
}

export type DispenseQuantity =
  { ok: true; quantity: number; unit: string } | { ok: false; code: 'invalid-dose' | 'unit-mismatch' };

/**
 * How many units to dispense for a course: dose × times a day × days, rounded up to whole units
 * (half a tablet twice a day for 5 days is 5 tablets; a third time makes 7.5, so 8). A dose
 * measured in what the unit holds (5 ml from 60 ml bottles) is counted in whole units too.
 */
export function quantityToDispense(
  drug: Pick<DrugDetails, 'unit' | 'unitContent'>,
  order: DoseOrder,
): DispenseQuantity {
  const validDose = Number.isFinite(order.dosePerTime) && order.dosePerTime > 0 && order.dosePerTime <= 1000;
  const validTimes = Number.isInteger(order.timesPerDay) && order.timesPerDay >= 1 && order.timesPerDay <= 24;
  const validDays = Number.isInteger(order.days) && order.days >= 1 && order.days <= 365;
  if (!validDose || !validTimes || !validDays) return { ok: false, code: 'invalid-dose' };

  const total = order.dosePerTime * order.timesPerDay * order.days;
  const doseUnit = sameUnit(order.doseUnit);
  if (doseUnit === sameUnit(drug.unit)) return { ok: true, quantity: roundUp(total), unit: drug.unit };
  if (drug.unitContent !== null && doseUnit === sameUnit(drug.unitContent.unit)) {
    return { ok: true, quantity: roundUp(total / drug.unitContent.amount), unit: drug.unit };
  }
  return { ok: false, code: 'unit-mismatch' };
}

function sameUnit(unit: string): string {
  return unit.normalize('NFC').trim().toLowerCase();
}

/** Up to a whole unit, ignoring the floating-point dust of 0.1 × 3 and the like. */
function roundUp(amount: number): number {
  return Math.ceil(Math.round(amount * 1e6) / 1e6);
}
