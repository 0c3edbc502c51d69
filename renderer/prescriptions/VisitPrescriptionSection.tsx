import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { formatDateTime } from '../app/format';
import { FormError } from '../app/FormError';
import { useServices } from '../app/services-context';
import { OrderSigning } from '../signing/OrderSigning';
import type { VisitSectionProps } from '../visits/visit-context';
import { DoseLine } from './DoseLine';
import { PrescriptionEditor } from './PrescriptionEditor';
import { PrescriptionPrint } from './PrescriptionPrint';
import { statusKey } from './prescription-status';
import { useEncounterPrescriptions } from './use-prescriptions';
import './prescriptions.css';

/**
 * The prescriptions of a visit: those written so far (code, status, drugs; cancel while the
 * pharmacy has not handed them over; print), and a new one for a doctor while the visit is open.
 */
export function VisitPrescriptionSection({ encounter, patient, editable }: VisitSectionProps) {
  const { t } = useTranslation();
  const { prescriptions, session } = useServices();
  const orders = useEncounterPrescriptions(encounter.id);
  const [printing, setPrinting] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const canWrite = editable && session.can('prescription.write');
  // Printing is asked for in the print view, never by an effect: sync changing the orders
  // (another PC cancels one, the pharmacy dispenses) updates the paper without printing again.
  const printed = orders?.find((order) => order.id === printing);
  const closePrint = useCallback(() => setPrinting(null), []);

  const cancel = async (order: OrderDocument): Promise<void> => {
    if (!window.confirm(t('prescriptions.confirmCancel', { code: order.prescriptionCode }))) return;
    try {
      const result = await prescriptions.cancel(order.id);
      setError(result.ok ? null : t('prescriptions.errorNotOpen'));
    } catch (error) {
      setError(t('prescriptions.saveFailed', { message: String(error) }));
    }
  };

  return (
    <section className="visit-section prescriptions" data-testid="visit-prescription" aria-labelledby="rx-title">
      <h2 id="rx-title">{t('prescriptions.title')}</h2>
      {!editable && <p className="notice">{t('prescriptions.readOnly')}</p>}
      {orders && orders.length === 0 && <p className="empty">{t('prescriptions.none')}</p>}
      {orders && orders.length > 0 && (
        <table className="prescription-table" data-testid="visit-prescriptions">
          <thead>
            <tr>
              <th>{t('prescriptions.code')}</th>
              <th>{t('prescriptions.orderedAt')}</th>
              <th>{t('prescriptions.drug')}</th>
              <th>{t('prescriptions.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id} data-testid="visit-prescription-row">
                <td>
                  <strong>{order.prescriptionCode}</strong>
                </td>
                <td>{formatDateTime(order.orderedAt)}</td>
                <td>
                  <ul>
                    {order.drugs.map((drug) => (
                      <li key={drug.code}>
                        {drug.name} – {drug.quantity} {drug.unit} (<DoseLine drug={drug} />)
                        {drug.instructions && ` · ${drug.instructions}`}
                      </li>
                    ))}
                  </ul>
                  {order.overriddenWarnings.length > 0 && (
                    <small className="form-warning">
                      {t('prescriptions.overridden')}: {order.overriddenWarnings.join(' ')}
                    </small>
                  )}
                </td>
                <td data-testid="prescription-status">{t(statusKey(order))}</td>
                <td className="row-actions">
                  <OrderSigning order={order} />
                  <button type="button" data-testid="print-prescription" onClick={() => setPrinting(order.id)}>
                    {t('prescriptions.print')}
                  </button>
                  {canWrite && order.status === 'ordered' && (
                    <button type="button" onClick={() => void cancel(order)}>
                      {t('prescriptions.cancel')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError message={error} testId="prescription-cancel-error" />
      {printed && <PrescriptionPrint order={printed} patient={patient} encounter={encounter} onClose={closePrint} />}
      {canWrite && <PrescriptionEditor encounter={encounter} />}
    </section>
  );
}
