import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services-context';
import type { VisitSectionProps } from '../visits/visit-context';
import { OrderTestsForm } from './OrderTestsForm';
import { VisitOrderList } from './VisitOrderList';
import './orders.css';

/**
 * Lab and imaging orders of a visit, and their results as they arrive. Ordering (and cancelling)
 * is for users with order.write while the visit is open; everyone else reads.
 */
export function VisitOrdersSection({ encounter, editable }: VisitSectionProps) {
  const { t } = useTranslation();
  const { session } = useServices();
  const mayOrder = editable && session.can('order.write');
  return (
    <section className="visit-section orders-section" data-testid="visit-orders" aria-labelledby="visit-orders-title">
      <h2 id="visit-orders-title">{t('orders.title')}</h2>
      {mayOrder && <OrderTestsForm encounter={encounter} />}
      {!editable && <p className="notice">{t('orders.readOnly')}</p>}
      <VisitOrderList encounterId={encounter.id} mayCancel={mayOrder} />
    </section>
  );
}
