import { useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { fullName } from '../app/format';
import { useServices } from '../app/services-context';
import { RecordExportActions } from './RecordExportActions';

/** Results shown for a search: enough to tell the patient apart, short enough to read. */
const RESULTS_SHOWN = 10;

/**
 * One patient's record, for the facility admin (who does not read charts): found by name, code,
 * CCCD or card, then exported as HoSoBenhAn or FHIR with the chart's own buttons.
 */
export function RecordExportSection() {
  const { t } = useTranslation();
  const { patients } = useServices();
  const [text, setText] = useState('');
  const [found, setFound] = useState<PatientDocument[] | null>(null);
  const [chosen, setChosen] = useState<PatientDocument | null>(null);

  const search = async (event: SyntheticEvent): Promise<void> => {
    event.preventDefault();
    setChosen(null);
    setFound((await patients.search(text)).slice(0, RESULTS_SHOWN));
  };

  return (
    <section className="visit-section" aria-labelledby="record-export-title" data-testid="record-export-section">
      <h2 id="record-export-title">{t('exports.recordTitle')}</h2>
      <p>{t('exports.recordIntro')}</p>
      <form className="actions" onSubmit={(event) => void search(event)}>
        <label>
          {t('exports.recordSearch')}{' '}
          <input
            type="search"
            required
            value={text}
            data-testid="record-search"
            onChange={(event) => setText(event.target.value)}
          />
        </label>
        <button type="submit">{t('exports.recordSearchButton')}</button>
      </form>
      {found && found.length === 0 && <p className="empty">{t('exports.recordNone')}</p>}
      {found && found.length > 0 && !chosen && (
        <ul data-testid="record-search-results">
          {found.map((patient) => (
            <li key={patient.id}>
              {fullName(patient)} · {patient.patientCode} · {patient.dateOfBirth}{' '}
              <button type="button" onClick={() => setChosen(patient)}>
                {t('exports.choose')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <>
          <p className="notice" data-testid="record-chosen">
            {fullName(chosen)} · {chosen.patientCode}
          </p>
          <RecordExportActions patientId={chosen.id} />
        </>
      )}
    </section>
  );
}
