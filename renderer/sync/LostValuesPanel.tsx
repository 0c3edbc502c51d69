import { useTranslation } from 'react-i18next';
import { formatDateTime, fullName } from '../app/format';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import { usePatient } from '../db/hooks';
import { useEncounter } from '../visits/use-visit';
import { lostFieldLabel } from './lost-field-label';
import { shownValue } from './LostValuesNotice';
import type { LostValue } from './lost-values-repository';
import { useLostValues } from './use-lost-values';

/**
 * One lost value in the panel: the record it belongs to, named, what was lost, and the way to
 * the page where it can be put back (the patient's record, the visit, the stay).
 */
function LostValueRow({ value, navigate }: { value: LostValue; navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const { patients } = useServices();
  const { collection, documentId } = value;
  const encounter = useEncounter(collection === 'encounters' ? documentId : '');
  const patient = usePatient(patients, collection === 'patients' ? documentId : (encounter?.patientId ?? ''));
  const named = patient ? `${patient.patientCode} · ${fullName(patient)}` : documentId;
  const inpatient = encounter?.kind === 'inpatient';
  const kindWord = encounter ? ` · ${t(inpatient ? 'syncState.lostStay' : 'syncState.lostVisit')}` : '';
  const route: Route | null =
    collection === 'patients'
      ? { page: 'patient', id: documentId }
      : encounter
        ? { page: inpatient ? 'stay' : 'visit', id: documentId }
        : null;
  return (
    <tr data-testid="panel-lost-value">
      <td>{`${named}${kindWord}`}</td>
      <td>{lostFieldLabel(collection, value.field, t)}</td>
      <td>{shownValue(value.masterValue, t)}</td>
      <td>{shownValue(value.losingValue, t)}</td>
      <td>{value.staffName}</td>
      <td>{formatDateTime(value.at)}</td>
      <td className="row-actions">
        {route && (
          <button type="button" onClick={() => navigate(route)}>
            {t('syncState.open')}
          </button>
        )}
      </td>
    </tr>
  );
}

/**
 * For the sync panel: every open lost value the user may read, so that the PC whose edit lost
 * is told, with a way to the record where it can be put back.
 */
export function LostValuesPanel({ navigate }: { navigate: (route: Route) => void }) {
  const { t } = useTranslation();
  const lost = useLostValues();
  return (
    <section data-testid="lost-values-panel">
      <h2>{t('syncState.lostTitle', { count: lost.length })}</h2>
      {lost.length === 0 ? (
        <p className="empty">{t('syncState.lostEmpty')}</p>
      ) : (
        <>
          <p>{t('syncState.lostExplain')}</p>
          <table className="patients">
            <thead>
              <tr>
                <th>{t('syncState.lostRecord')}</th>
                <th>{t('lostValues.field')}</th>
                <th>{t('lostValues.current')}</th>
                <th>{t('lostValues.lost')}</th>
                <th>{t('lostValues.by')}</th>
                <th>{t('lostValues.at')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {lost.map((value) => (
                <LostValueRow key={value.id} value={value} navigate={navigate} />
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
