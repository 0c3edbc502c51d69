import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LostValue } from '../../shared/sync/protocol';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';

/**
 * Values of this record that lost a merge when two PCs changed the same field offline: the
 * value kept, the one that lost, who typed it and when. Asked of the province while online;
 * shown on the record itself, so only to those allowed to open it.
 */
export function LostValues({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const { sync } = useServices();
  const [lost, setLost] = useState<LostValue[]>([]);

  useEffect(() => {
    let current = true;
    sync
      .lostValues('patients', patientId)
      .then((values) => {
        if (current) setLost(values);
      })
      // Offline, or the server cannot say: the record shows what it has.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [sync, patientId]);

  if (lost.length === 0) return null;
  const shown = (value: unknown): string =>
    value === true ? t('lostValues.deleted') : value === false ? t('lostValues.kept') : JSON.stringify(value ?? '');
  return (
    <section className="lost-values" data-testid="lost-values">
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
          </tr>
        </thead>
        <tbody>
          {lost.map((value) => (
            <tr key={`${value.field}-${value.recordedAt}-${JSON.stringify(value.losingValue)}`}>
              <td>
                {t(`patient.${value.field === '_deleted' ? 'record' : value.field}`, { defaultValue: value.field })}
              </td>
              <td>{shown(value.masterValue)}</td>
              <td>{shown(value.losingValue)}</td>
              <td>{value.staffName ?? '—'}</td>
              <td>{value.clientTime ? formatDateTime(value.clientTime) : formatDateTime(value.recordedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
