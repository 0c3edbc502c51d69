import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate, DuplicateRecord } from '../../shared/identity/duplicates-api';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import { formatDisplayDate } from '../../shared/text/dates';

export type Decision =
  | { kind: 'merge'; candidate: DuplicateCandidate; primary: 'first' | 'second' }
  | { kind: 'dismiss'; candidate: DuplicateCandidate };

type Field = 'facilityName' | 'fullName' | 'dateOfBirth' | 'sex' | 'cccd' | 'bhyt' | 'ward' | 'patientCode';
const FIELDS: readonly Field[] = [
  'facilityName',
  'fullName',
  'dateOfBirth',
  'sex',
  'cccd',
  'bhyt',
  'ward',
  'patientCode',
];

/**
 * One candidate pair: both records side by side, field by field, the differing values marked,
 * the rules that matched, and the three decisions (merge keeping either record, or dismiss),
 * each of which asks for a confirmation first.
 */
export function CandidatePairView({
  candidate,
  number,
  onDecide,
}: {
  candidate: DuplicateCandidate;
  number: number;
  onDecide: (decision: Decision) => void;
}) {
  const { t } = useTranslation();
  const value = (record: DuplicateRecord, field: Field): string => {
    switch (field) {
      case 'dateOfBirth':
        return formatDisplayDate(record.dateOfBirth);
      case 'sex':
        return t(`duplicates.${record.sex}`);
      case 'ward':
        return record.wardName || record.wardCode || t('duplicates.none');
      case 'patientCode':
        return displayPatientCode(record.patientCode);
      case 'facilityName':
        return `${record.facilityName} (${record.facilityCode})`;
      default:
        return record[field] || t('duplicates.none');
    }
  };
  const titleId = `pair-${candidate.firstId}-${candidate.secondId}`;
  return (
    <article className="duplicate-pair card" aria-labelledby={titleId} data-testid="duplicate-pair">
      <header>
        <h2 id={titleId}>{t('duplicates.pair', { number })}</h2>
        <p className="rules" data-testid="pair-rules">
          <span className="label">{t('duplicates.rules')}:</span>
          {candidate.rules.map((rule) => (
            <span key={rule} className="rule" data-rule={rule}>
              {t(`duplicates.rule.${rule}`)}
            </span>
          ))}
        </p>
      </header>
      <table className="list compare">
        <thead>
          <tr>
            <th scope="col">{t('duplicates.field')}</th>
            <th scope="col">{t('duplicates.record', { side: 'A' })}</th>
            <th scope="col">{t('duplicates.record', { side: 'B' })}</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map((field) => {
            const [first, second] = [value(candidate.first, field), value(candidate.second, field)];
            const differs = field !== 'facilityName' && field !== 'patientCode' && first !== second;
            return (
              <tr key={field} className={differs ? 'differs' : ''}>
                <th scope="row">{t(`duplicates.${field}`)}</th>
                <td data-testid={`first-${field}`}>{first}</td>
                <td data-testid={`second-${field}`}>{second}</td>
              </tr>
            );
          })}
          <tr>
            <th scope="row" aria-label={t('duplicates.field')} />
            <td>{notes(candidate.first)}</td>
            <td>{notes(candidate.second)}</td>
          </tr>
        </tbody>
      </table>
      <div className="row-actions">
        <button
          type="button"
          data-testid="keep-first"
          onClick={() => onDecide({ kind: 'merge', candidate, primary: 'first' })}
        >
          {t('duplicates.keepFirst')}
        </button>
        <button
          type="button"
          data-testid="keep-second"
          onClick={() => onDecide({ kind: 'merge', candidate, primary: 'second' })}
        >
          {t('duplicates.keepSecond')}
        </button>
        <button type="button" data-testid="dismiss-pair" onClick={() => onDecide({ kind: 'dismiss', candidate })}>
          {t('duplicates.dismiss')}
        </button>
      </div>
    </article>
  );

  function notes(record: DuplicateRecord) {
    const parts = [
      record.temporaryCode ? t('duplicates.temporaryCode', { code: record.temporaryCode }) : null,
      record.personId ? t('duplicates.alreadyPerson') : null,
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : '';
  }
}
