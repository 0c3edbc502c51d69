import { useTranslation } from 'react-i18next';
import type { PatientChanges } from '../patients/patients-repository';
import { useServices } from '../app/services-context';
import { LostValuesNotice } from './LostValuesNotice';
import { lostFieldLabel } from './lost-field-label';

/**
 * A patient's values that lost a merge, on the patient's record: staff allowed to edit
 * patients put one back (a deletion that lost is shown, not undone from here).
 */
export function LostValues({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { patients, session } = useServices();
  const mayEdit = session.can('patient.edit');
  return (
    <LostValuesNotice
      collection="patients"
      documentId={patientId}
      fieldLabel={(field) => lostFieldLabel('patients', field, t)}
      mayRestore={(value) => mayEdit && value.field !== '_deleted'}
      restore={async (value) => {
        const changes = { [value.field]: value.losingValue } as PatientChanges;
        return (await patients.update(patientId, changes)).ok;
      }}
    />
  );
}
