import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientChanges } from '../patients/patients-repository';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import type { LostValue } from './lost-values-repository';
import { useLostValues } from './use-lost-values';

/** A value as a person reads it: text as typed, a deletion in words. */
export function shownValue(value: unknown, t: (key: string) => string): string {
  if (value === true) return t('lostValues.deleted');
  if (value === false) return t('lostValues.kept');
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Values of this record that lost a merge when two PCs changed the same field offline: the
 * value kept, the one that lost, who typed it and when (pulled with the facility's records, so
 * shown offline too). Someone allowed to edit the record puts a lost value back with an
 * ordinary edit, which settles it on the server.
 */
export function LostValues({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { patients, session } = useServices();
  const lost = useLostValues({ collection: 'patients', documentId: patientId });
  const [failed, setFailed] = useState(false);
  const mayRestore = session.can('patient.edit');

  const restore = async (value: LostValue): Promise<void> => {
    setFailed(false);
    const changes = { [value.field]: value.losingValue } as PatientChanges;
    const result = await patients.update(patientId, changes).catch(() => ({ ok: false as const }));
    if (!result.ok) setFailed(true);
  };

  if (lost.length === 0) return null;
  return (
    <section className="lost-values" data-testid="lost-values" role="status">
      <h2>{t('lostValues.title', { count: lost.length })}</h2>
      <p>{t('lostValues.explain')}</p>
      <table className="patients">
        <thead>
          <tr>
            <th>{t('lostValues.field')}</th>
            <th>{t('lostValues.current')}</th>
            <th>{t('lostValues.lost')}</th>
            <th>{t('lostValues.by')}</th>
            <th>{t('lostValues.at')}</th>
            {mayRestore && <th />}
          </tr>
        </thead>
        <tbody>
          {lost.map((value) => (
            <tr key={value.id} data-testid="lost-value">
              <td>
                {t(`patient.${value.field === '_deleted' ? 'record' : value.field}`, { defaultValue: value.field })}
              </td>
              <td>{shownValue(value.masterValue, t)}</td>
              <td data-testid="lost-value-losing">{shownValue(value.losingValue, t)}</td>
              <td>{value.staffName}</td>
              <td>{formatDateTime(value.at)}</td>
              {mayRestore && (
                <td className="row-actions">
                  {value.field !== '_deleted' && (
                    <button type="button" data-testid="restore-lost-value" onClick={() => void restore(value)}>
                      {t('syncState.restore')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {failed && (
        <p className="form-error" role="alert">
          {t('syncState.restoreFailed')}
        </p>
      )}
    </section>
  );
}
