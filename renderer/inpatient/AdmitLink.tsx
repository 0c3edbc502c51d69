import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { useServices } from '../app/services-context';
import { useStayFromVisit } from './use-inpatient';

/**
 * The way from a visit concluded "admit" to its stay: the stay once admitted, else (for those who
 * may admit) the admission form. Shown in the visit's conclusion.
 */
export function AdmitLink({ visit }: { visit: EncounterDocument }) {
  const { t } = useTranslation();
  const { session } = useServices();
  const stay = useStayFromVisit(visit.id, visit.updatedAt);
  if (visit.disposition !== 'admit' || stay === undefined) return null;
  if (stay)
    return (
      <p>
        <a href={`#/stays/${stay.id}`} data-testid="open-stay">
          {t('inpatient.openStay')}
        </a>
      </p>
    );
  if (!session.can('inpatient.admit')) return null;
  return (
    <p>
      <a href={`#/visits/${visit.id}/admit`} data-testid="admit-link" className="button">
        {t('inpatient.admitLink')}
      </a>
    </p>
  );
}
