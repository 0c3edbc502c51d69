import type { OrderDocument } from '../../shared/clinical/order-document';

/** A code as typed or read off paper: spaces, dots and dashes aside, any case. */
export function normalizedCodeQuery(text: string): string {
  return text.replace(/[\s.-]/g, '').toUpperCase();
}

/**
 * The open prescriptions whose code contains what was typed; a full code that matches exactly
 * comes first. All of them when nothing is typed.
 */
export function matchingPrescriptions(orders: readonly OrderDocument[], text: string): OrderDocument[] {
  const query = normalizedCodeQuery(text);
  if (query === '') return [...orders];
  const found = orders.filter((order) => order.prescriptionCode.includes(query));
  return [
    ...found.filter((order) => order.prescriptionCode === query),
    ...found.filter((o) => o.prescriptionCode !== query),
  ];
}
