import { useMemo } from 'react';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { useServices } from '../app/services-context';
import { buildPrescriptionPaper } from '../printing/prescription-paper';
import { PrescriptionPaperView } from '../printing/PrescriptionPaperView';
import { PrintPreview } from '../printing/PrintPreview';
import { useStaffName } from '../staff/use-staff-name';

/**
 * The paper prescription (đơn thuốc) in the print view, A5 by default as pharmacies keep it.
 * A cancelled prescription prints marked "ĐÃ HUỶ" so it can never be dispensed from paper.
 */
export function PrescriptionPrint({
  order,
  patient,
  encounter,
  onClose,
}: {
  order: OrderDocument;
  patient: PatientDocument;
  encounter: EncounterDocument;
  onClose: () => void;
}) {
  const { device } = useServices();
  const doctorName = useStaffName(order.createdBy);
  const paper = useMemo(
    () =>
      buildPrescriptionPaper({
        order,
        patient,
        encounter,
        facility: device.facility,
        doctorName,
      }),
    [order, patient, encounter, device.facility, doctorName],
  );
  return (
    <PrintPreview fileName={`Đơn thuốc ${order.prescriptionCode}`} defaultSize="A5" onClose={onClose}>
      <PrescriptionPaperView paper={paper} />
    </PrintPreview>
  );
}
