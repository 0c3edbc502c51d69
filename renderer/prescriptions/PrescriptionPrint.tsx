import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { formatDisplayDate } from '../../shared/text/dates';
import { addressLine, formatDateTime, fullName } from '../app/format';
import { useServices } from '../app/services-context';
import { DoseLine } from './DoseLine';
import { useStaffMember } from './use-prescriptions';
import './prescriptions.css';

/**
 * The paper prescription (đơn thuốc): facility, patient, code, diagnosis, drugs, the doctor.
 * Shown as a preview on screen; printing shows only this block (prescriptions.css).
 */
export function PrescriptionPrint({
  order,
  patient,
  encounter,
}: {
  order: OrderDocument;
  patient: PatientDocument;
  encounter: EncounterDocument;
}) {
  const { t } = useTranslation();
  const { device } = useServices();
  const doctor = useStaffMember(order.createdBy);
  const diagnoses = encounter.diagnoses.map((diagnosis) => `${diagnosis.code} – ${diagnosis.name}`).join('; ');
  return (
    <article className="prescription-print preview" data-testid="prescription-print">
      <header>
        <strong>{device.facility.name}</strong>
        <div>
          {t('prescriptions.code')}: <strong data-testid="print-code">{order.prescriptionCode}</strong>
        </div>
      </header>
      <h2>{t('prescriptions.printTitle')}</h2>
      <p>
        {t('prescriptions.patient')}: <strong>{fullName(patient)}</strong> · {t('prescriptions.dateOfBirth')}:{' '}
        {formatDisplayDate(patient.dateOfBirth)} · {t('prescriptions.sex')}: {t(`patient.${patient.sex}`)}
      </p>
      <p>
        {t('prescriptions.address')}: {addressLine(patient) || '—'}
        {patient.bhyt && ` · ${t('prescriptions.bhyt')}: ${patient.bhyt}`}
      </p>
      <p>
        {t('prescriptions.diagnosis')}: {diagnoses || '—'}
      </p>
      <ol>
        {order.drugs.map((drug) => (
          <li key={drug.code}>
            <strong>
              {drug.name} ({drug.activeIngredient} {drug.strength})
            </strong>{' '}
            – {drug.quantity} {drug.unit}
            <br />
            {drug.route}: <DoseLine drug={drug} />
            {drug.instructions && <> · {drug.instructions}</>}
          </li>
        ))}
      </ol>
      {encounter.advice && (
        <p>
          {t('prescriptions.advice')}: {encounter.advice}
        </p>
      )}
      <div className="signature">
        <div>{t('prescriptions.date', { date: formatDateTime(order.orderedAt) })}</div>
        <div>{t('prescriptions.doctor')}</div>
        <strong>{doctor?.displayName ?? ''}</strong>
      </div>
    </article>
  );
}
