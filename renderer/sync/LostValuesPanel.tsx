import { useTranslation } from 'react-i18next';
import { formatDateTime, fullName } from '../app/format';
import type { Route } from '../app/route';
import { useServices } from '../app/services-context';
import { usePatient } from '../db/hooks';
import { shownValue } from './LostValues';
import { useLostValues } from './use-lost-values';

function RecordLabel({ collection, documentId }: { collection: string; documentId: string }) {
  const { patients } = useServices();
  const patient = usePatient(patients, collection === 'patients' ? documentId : '');
  if (collection === 'patients' && patient) return <>{`${patient.patientCode} · ${fullName(patient)}`}</>;
  return <>{documentId}</>;
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
                <tr key={value.id} data-testid="panel-lost-value">
                  <td>
                    <RecordLabel collection={value.collection} documentId={value.documentId} />
                  </td>
                  <td>
                    {t(`patient.${value.field === '_deleted' ? 'record' : value.field}`, { defaultValue: value.field })}
                  </td>
                  <td>{shownValue(value.masterValue, t)}</td>
                  <td>{shownValue(value.losingValue, t)}</td>
                  <td>{value.staffName}</td>
                  <td>{formatDateTime(value.at)}</td>
                  <td className="row-actions">
                    {value.collection === 'patients' && (
                      <button type="button" onClick={() => navigate({ page: 'patient', id: value.documentId })}>
                        {t('syncState.open')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
