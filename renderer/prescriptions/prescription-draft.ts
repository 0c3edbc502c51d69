import { lineQuantity, type DrugEntry, type PrescriptionLineInput } from './prescription-lines';

/** A line as typed: numbers still text, so a half-typed "0," is not lost. */
export interface DraftLine {
  key: string;
  drug: DrugEntry;
  dosePerTime: string;
  timesPerDay: string;
  days: string;
  route: string;
  instructions: string;
}

export function newDraftLine(drug: DrugEntry, key: string): DraftLine {
  return { key, drug, dosePerTime: '1', timesPerDay: '', days: '', route: drug.details.route, instructions: '' };
}

/** A number as typed in Vietnam ("0,5") or elsewhere ("0.5"); NaN when it is not one. */
export function typedNumber(text: string): number {
  const trimmed = text.trim().replace(',', '.');
  return trimmed === '' || !/^\d*\.?\d+$/.test(trimmed) ? Number.NaN : Number(trimmed);
}

export function lineInputOf(line: DraftLine): PrescriptionLineInput {
  return {
    drug: line.drug,
    dosePerTime: typedNumber(line.dosePerTime),
    timesPerDay: typedNumber(line.timesPerDay),
    days: typedNumber(line.days),
    route: line.route,
    instructions: line.instructions,
  };
}

/** "15 Viên", or null while the dose is incomplete or invalid. */
export function quantityText(line: DraftLine): string | null {
  const quantity = lineQuantity(lineInputOf(line));
  return quantity.ok ? `${quantity.quantity} ${quantity.unit}` : null;
}
