import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { useServices } from '../app/services-context';
import { usePatient } from '../db/hooks';
import { useOrderResults } from '../orders/use-orders';
import { useEncounter } from '../visits/use-visit';
import { buildLabResultSheet } from './lab-result-sheet';
import { LabResultSheetView } from './LabResultSheetView';
import { PrintPreview } from './PrintPreview';
import { useStaffName } from '../staff/use-staff-name';

/** Who entered the results: the technician who took the order, else the newest result's author. */
function technicianOf(order: OrderDocument, results: readonly ObservationDocument[]): string {
  if (order.handledBy !== '') return order.handledBy;
  return [...results].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).at(-1)?.createdBy ?? '';
}

/**
 * The lab result sheet (phiếu kết quả xét nghiệm) of one order in the print view, A4 by default;
 * from the visit's orders or the lab's worklist. Results arriving meanwhile update the paper.
 */
export function LabResultPrint({ order, onClose }: { order: OrderDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const { device, orders, patients } = useServices();
  const patient = usePatient(patients, order.patientId);
  const encounter = useEncounter(order.encounterId);
  const results = useOrderResults(orders, order.id);
  const doctorName = useStaffName(order.createdBy);
  const technicianName = useStaffName(technicianOf(order, results));
  const sheet = useMemo(
    () =>
      patient && encounter
        ? buildLabResultSheet({
            order,
            results,
            patient,
            encounter,
            facility: device.facility,
            doctorName,
            technicianName,
          })
        : null,
    [order, results, patient, encounter, device.facility, doctorName, technicianName],
  );
  return (
    <PrintPreview fileName={`Phiếu kết quả xét nghiệm ${order.id.slice(-8)}`} defaultSize="A4" onClose={onClose}>
      {sheet ? <LabResultSheetView sheet={sheet} /> : <p>{t('orders.loading')}</p>}
    </PrintPreview>
  );
}
