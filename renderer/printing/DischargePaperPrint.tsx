import { useEffect, useMemo, useState } from 'react';
import { dischargePaperData, type DepartmentEntry } from '../../shared/clinical/discharge-paper';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { NoteDocument } from '../../shared/clinical/note-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { useServices } from '../app/services-context';
import { useStaffName } from '../staff/use-staff-name';
import { buildDischargePaper } from './discharge-paper';
import { DischargePaperView } from './DischargePaperView';
import { PrintPreview } from './PrintPreview';

/**
 * The discharge paper (giấy ra viện) of a discharged stay in the print view, A4: from the stay,
 * its discharge summary and the department the patient leaves from. The signer is the doctor
 * who signed the summary, else the one who wrote it.
 */
export function DischargePaperPrint({
  stay,
  summary,
  patient,
  departmentCode,
  onClose,
}: {
  stay: EncounterDocument;
  summary: NoteDocument;
  patient: PatientDocument;
  departmentCode: string;
  onClose: () => void;
}) {
  const { device, catalog } = useServices();
  const signerName = useStaffName(summary.signedBy || summary.createdBy);
  const [department, setDepartment] = useState<DepartmentEntry>({ code: departmentCode, name: departmentCode });
  useEffect(() => {
    let current = true;
    void catalog.entry('department', departmentCode).then((entry) => {
      if (current && entry) setDepartment({ code: entry.code, name: entry.name });
    });
    return () => {
      current = false;
    };
  }, [catalog, departmentCode]);
  const paper = useMemo(
    () =>
      buildDischargePaper(
        dischargePaperData(stay, summary, patient, device.facility, department, signerName),
        device.facility,
      ),
    [stay, summary, patient, device.facility, department, signerName],
  );
  return (
    <PrintPreview fileName={`Giấy ra viện ${patient.patientCode}`} defaultSize="A4" onClose={onClose}>
      <DischargePaperView paper={paper} />
    </PrintPreview>
  );
}
