import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { formatDateTime, fullName } from '../app/format';
import { FormError } from '../app/FormError';
import { useServices } from '../app/services-context';
import { birthDateWithAge } from '../patients/patient-format';
import { DoseLine } from './DoseLine';
import { usePrescription, useStaffMember } from './use-prescriptions';
import { statusKey } from './prescription-status';

/**
 * One prescription at the pharmacy: the patient, the drugs and how many of each to hand over,
 * and the button (focused, so Enter presses it; Ctrl+Enter from anywhere) that marks it dispensed.
 */
export function DispensePanel({
  orderId,
  stillWaiting,
  patient,
  onDone,
}: {
  orderId: string;
  /** Still on the worklist: not dispensed or cancelled elsewhere meanwhile. */
  stillWaiting: boolean;
  patient: PatientDocument | undefined;
  onDone: (notice: string | null) => void;
}) {
  const { t } = useTranslation();
  const { prescriptions, session } = useServices();
  const order = usePrescription(orderId);
  const doctor = useStaffMember(order?.createdBy ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canDispense = session.can('dispense.write') && stillWaiting;

  const dispense = async (): Promise<void> => {
    if (!order || busy || !canDispense) return;
    setBusy(true);
    try {
      const result = await prescriptions.dispense(order);
      if (result.ok) onDone(t('prescriptions.dispensed', { code: order.prescriptionCode }));
      else setError(t('prescriptions.errorNotOpen'));
    } catch (error) {
      setError(t('prescriptions.saveFailed', { message: String(error) }));
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.ctrlKey && event.key === 'Enter') {
      event.preventDefault();
      void dispense();
    }
  };

  if (order === undefined) return null;
  if (order === null) return <p className="empty">{t('prescriptions.noCodeMatch')}</p>;
  return (
    <div className="dispense-panel" onKeyDown={onKeyDown} data-testid="dispense-panel">
      <h2>
        {t('prescriptions.code')}: <span data-testid="dispense-code">{order.prescriptionCode}</span>
      </h2>
      <p data-testid="dispense-patient">
        {t('prescriptions.patient')}: <strong>{patient ? fullName(patient) : '…'}</strong>
        {patient && ` · ${t('prescriptions.dateOfBirth')}: ${birthDateWithAge(t, patient.dateOfBirth)}`}
      </p>
      <p>
        {t('prescriptions.orderedAt')}: {formatDateTime(order.orderedAt)} · {t('prescriptions.doctor')}:{' '}
        {doctor?.displayName ?? ''} · {t('prescriptions.status')}:{' '}
        <span data-testid="dispense-status">{t(statusKey(order))}</span>
      </p>
      <table className="prescription-table" data-testid="dispense-lines">
        <thead>
          <tr>
            <th>{t('prescriptions.drug')}</th>
            <th>{t('prescriptions.quantity')}</th>
            <th>{t('prescriptions.instructions')}</th>
          </tr>
        </thead>
        <tbody>
          {order.drugs.map((drug) => (
            <tr key={drug.code}>
              <td>
                <strong>{drug.name}</strong>
                <br />
                <small>
                  {drug.activeIngredient} {drug.strength} · {drug.form}
                </small>
              </td>
              <td data-testid="dispense-quantity">
                <strong>
                  {drug.quantity} {drug.unit}
                </strong>
              </td>
              <td>
                {drug.route}: <DoseLine drug={drug} />
                {drug.instructions && ` · ${drug.instructions}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError message={error} testId="dispense-error" />
      <div className="actions">
        {canDispense && (
          <button type="button" autoFocus onClick={() => void dispense()} disabled={busy} data-testid="dispense">
            {t('prescriptions.dispense')}
          </button>
        )}
        <button type="button" onClick={() => onDone(null)}>
          {t('prescriptions.backToList')}
        </button>
      </div>
    </div>
  );
}
