import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { PatientDocument } from '../../shared/patient/patient-document';

/** What every section of the visit page is given: the visit, its patient, and whether it is open. */
export interface VisitSectionProps {
  encounter: EncounterDocument;
  patient: PatientDocument;
  /** The visit is in progress and the user may write in it; a finished visit is read only. */
  editable: boolean;
}
