import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { useServices } from '../app/services-context';
import { lostFieldLabel } from '../sync/lost-field-label';
import { LostValuesNotice } from '../sync/LostValuesNotice';
import { lostDiagnosesText, mayRestoreEncounterValue } from './encounter-lost-values';

/**
 * A visit's or a stay's values that lost a merge (the examination typed on two PCs offline,
 * say), on its own page: the value kept, the one lost, who and when; whoever may edit that
 * part of the record puts the lost one back.
 */
export function EncounterLostValues({ encounter }: { encounter: EncounterDocument }) {
  const { t } = useTranslation();
  const { encounters, session } = useServices();
  return (
    <LostValuesNotice
      collection="encounters"
      documentId={encounter.id}
      fieldLabel={(field) => lostFieldLabel('encounters', field, t)}
      valueText={(field, value) => lostDiagnosesText(field, value, t('visits.primary')) ?? undefined}
      mayRestore={(value) =>
        mayRestoreEncounterValue(encounter, value.field, value.losingValue, (permission) => session.can(permission))
      }
      restore={async (value) => (await encounters.restoreLostValue(encounter.id, value.field, value.losingValue)).ok}
    />
  );
}
