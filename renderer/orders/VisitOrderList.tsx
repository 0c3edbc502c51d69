import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import { LabResultPrint } from '../printing/LabResultPrint';
import { ResultFlag } from './ResultFlag';
import { useEncounterOrders, useOrderResults } from './use-orders';

/** A visit's orders, each with its tests and, live, their results as the lab enters them. */
export function VisitOrderList({ encounterId, mayCancel }: { encounterId: string; mayCancel: boolean }) {
  const { t } = useTranslation();
  const { orders } = useServices();
  const list = useEncounterOrders(orders, encounterId);
  if (list === undefined) return <p>{t('orders.loading')}</p>;
  if (list.length === 0) return <p className="empty">{t('orders.none')}</p>;
  return (
    <div data-testid="visit-order-list">
      {list.map((order) => (
        <OrderCard key={order.id} order={order} mayCancel={mayCancel} />
      ))}
    </div>
  );
}

function OrderCard({ order, mayCancel }: { order: OrderDocument; mayCancel: boolean }) {
  const { t } = useTranslation();
  const { orders } = useServices();
  const results = useOrderResults(orders, order.id);
  const [printing, setPrinting] = useState(false);
  const open = order.status === 'ordered' || order.status === 'in-progress';
  const cancel = (): void => {
    if (window.confirm(t('orders.cancelConfirm'))) void orders.cancel(order.id);
  };
  return (
    <article className={`order-card status-${order.status}`} data-testid="visit-order" data-status={order.status}>
      <header>
        <strong>{t(`orders.kind-${order.kind === 'imaging' ? 'imaging' : 'lab'}`)}</strong>
        <span>{formatDateTime(order.orderedAt)}</span>
        <span data-testid="order-status">{t(`orders.status-${order.status}`)}</span>
        {mayCancel && open && (
          <button type="button" onClick={cancel}>
            {t('orders.cancel')}
          </button>
        )}
        {order.kind === 'lab' && results.length > 0 && (
          <button type="button" data-testid="print-lab-results" onClick={() => setPrinting(true)}>
            {t('printing.printLabResults')}
          </button>
        )}
      </header>
      {printing && <LabResultPrint order={order} onClose={() => setPrinting(false)} />}
      <table>
        <thead>
          <tr>
            <th>{t('orders.test')}</th>
            <th>{t('orders.value')}</th>
            <th>{t('orders.unit')}</th>
            <th>{t('orders.range')}</th>
            <th>{t('orders.flag')}</th>
          </tr>
        </thead>
        <tbody>
          {order.tests.map((test) => {
            const result = results.find((observation) => observation.code === test.code)?.lab;
            return (
              <tr key={test.code} data-code={test.code}>
                <td>
                  {test.name}
                  {test.repeatReason !== '' && <small> — {test.repeatReason}</small>}
                </td>
                <td data-testid="result-value">{result ? result.value : <em>{t('orders.pending')}</em>}</td>
                <td>{result?.unit}</td>
                <td>{result?.referenceText}</td>
                <td>{result && <ResultFlag flag={result.flag} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </article>
  );
}
