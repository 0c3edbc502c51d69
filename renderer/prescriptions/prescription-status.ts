import type { OrderDocument } from '../../shared/clinical/order-document';

/** "prescriptions.statusOrdered", "prescriptions.statusIn-progress"…: the words for a status. */
export function statusKey(order: Pick<OrderDocument, 'status'>): string {
  return `prescriptions.status${order.status.charAt(0).toUpperCase()}${order.status.slice(1)}`;
}
