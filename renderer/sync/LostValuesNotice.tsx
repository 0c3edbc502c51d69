import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../app/format';
import type { LostValue } from './lost-values-repository';
import { useLostValues } from './use-lost-values';

/** A value as a person reads it: text as typed, a deletion in words. */
export function shownValue(value: unknown, t: (key: string) => string): string {
  if (value === true) return t('lostValues.deleted');
  if (value === false) return t('lostValues.kept');
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface LostValuesNoticeProps {
  /** The synced collection and the document whose lost values are shown */
  collection: string;
  documentId: string;
  /** The field's name on this screen */
  fieldLabel: (field: string) => string;
  /** A value as this screen words it; shownValue when this gives undefined */
  valueText?: (field: string, value: unknown) => string | undefined;
  /** Whether the logged-in user may put this value back (the document's own edit rules) */
  mayRestore: (value: LostValue) => boolean;
  /** Puts the value back as an ordinary edit; false when the rules of the moment refuse it */
  restore: (value: LostValue) => Promise<boolean>;
}

/**
 * Values of one record that lost a merge when two PCs changed the same field offline: the
 * value kept, the one that lost, who typed it and when (pulled with the facility's records, so
 * shown offline too). Whoever may edit the record puts a lost value back with an ordinary edit,
 * which settles it on the server. Each record's screen says what its fields are called and how
 * one is edited (patients: LostValues; visits and stays: EncounterLostValues).
 */
export function LostValuesNotice({
  collection,
  documentId,
  fieldLabel,
  valueText,
  mayRestore,
  restore,
}: LostValuesNoticeProps) {
  const { t } = useTranslation();
  const lost = useLostValues({ collection, documentId });
  const [failed, setFailed] = useState(false);
  const text = (field: string, value: unknown): string => valueText?.(field, value) ?? shownValue(value, t);

  const putBack = async (value: LostValue): Promise<void> => {
    setFailed(false);
    const restored = await restore(value).catch(() => false);
    if (!restored) setFailed(true);
  };

  if (lost.length === 0) return null;
  const anyRestorable = lost.some(mayRestore);
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
            {anyRestorable && <th />}
          </tr>
        </thead>
        <tbody>
          {lost.map((value) => (
            <tr key={value.id} data-testid="lost-value" data-field={value.field}>
              <td>{fieldLabel(value.field)}</td>
              <td data-testid="lost-value-current">{text(value.field, value.masterValue)}</td>
              <td data-testid="lost-value-losing">{text(value.field, value.losingValue)}</td>
              <td data-testid="lost-value-by">{value.staffName}</td>
              <td>{formatDateTime(value.at)}</td>
              {anyRestorable && (
                <td className="row-actions">
                  {mayRestore(value) && (
                    <button type="button" data-testid="restore-lost-value" onClick={() => void putBack(value)}>
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
