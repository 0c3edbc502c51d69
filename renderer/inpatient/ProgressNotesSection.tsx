import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { NoteDocument } from '../../shared/clinical/note-document';
import { formatDisplayDate, parseDisplayDate } from '../../shared/text/dates';
import { formatDateTime } from '../app/format';
import { useServices } from '../app/services-context';
import { resolveVersions } from '../../shared/clinical/version-chain';
import { NoteSigning } from '../signing/NoteSigning';
import { useLatestVitals } from '../visits/use-visit';
import { inpatientProblem } from './inpatient-format';

/**
 * The daily progress notes of a stay, newest first, and (for a doctor, while the stay is open)
 * the form for the day's note: date (today by default), text, orders in short, and the latest
 * vital signs referred to. Ctrl+Enter in the text saves.
 */
export function ProgressNotesSection({
  stay,
  notes,
  editable,
}: {
  stay: EncounterDocument;
  notes: NoteDocument[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { inpatient } = useServices();
  const vitals = useLatestVitals(stay);
  const [date, setDate] = useState(() => formatDisplayDate(inpatient.today()));
  const [text, setText] = useState('');
  const [ordersSummary, setOrdersSummary] = useState('');
  const [withVitals, setWithVitals] = useState(true);
  const [problems, setProblems] = useState<ClinicalProblem[]>([]);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  // One entry per note: its version in force; amended versions stay readable inside it.
  const versions = resolveVersions(notes.filter((note) => note.kind === 'progress'));
  const progress = versions.current;

  const save = async (): Promise<void> => {
    if (busy) return;
    setSaved(false);
    const iso = parseDisplayDate(date);
    if (iso === null) {
      setProblems([{ field: 'date', code: 'note-date-invalid' }]);
      return;
    }
    setBusy(true);
    try {
      const result = await inpatient.addProgressNote(stay.id, {
        date: iso,
        text,
        ordersSummary,
        vitalsObservationId: withVitals && vitals ? vitals.id : '',
      });
      if (!result.ok) {
        setProblems(result.problems);
        return;
      }
      setProblems([]);
      setText('');
      setOrdersSummary('');
      setSaved(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="visit-section progress-notes" data-testid="progress-notes" aria-labelledby="progress-title">
      <h2 id="progress-title">{t('inpatient.progressTitle')}</h2>
      {editable && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div className="field">
            <label htmlFor="progress-date">{t('inpatient.progressDate')}</label>
            <input
              id="progress-date"
              inputMode="numeric"
              autoComplete="off"
              value={date}
              onChange={(event) => setDate(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="progress-text">{t('inpatient.progressText')}</label>
            <textarea
              id="progress-text"
              rows={4}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && event.ctrlKey) {
                  event.preventDefault();
                  void save();
                }
              }}
            />
          </div>
          <div className="field">
            <label htmlFor="progress-orders">{t('inpatient.progressOrders')}</label>
            <input
              id="progress-orders"
              value={ordersSummary}
              onChange={(event) => setOrdersSummary(event.target.value)}
            />
          </div>
          {vitals && (
            <div className="field">
              <label>
                <input type="checkbox" checked={withVitals} onChange={(event) => setWithVitals(event.target.checked)} />{' '}
                {t('inpatient.progressVitals')}
              </label>
            </div>
          )}
          {problems.length > 0 && (
            <ul className="form-error" role="alert" data-testid="progress-problems">
              {problems.map((problem) => (
                <li key={`${problem.field}-${problem.code}`}>{inpatientProblem(t, problem)}</li>
              ))}
            </ul>
          )}
          {saved && (
            <p className="notice" role="status">
              {t('inpatient.progressSaved')}
            </p>
          )}
          <div className="actions">
            <button type="submit" data-testid="add-progress" disabled={busy}>
              {t('inpatient.addProgress')}
            </button>
          </div>
        </form>
      )}
      {progress.length === 0 && <p className="notice">{t('inpatient.noProgress')}</p>}
      <ol className="progress-list" data-testid="progress-list">
        {progress.map((note) => (
          <li key={note.id} data-testid="progress-note">
            <strong>{formatDisplayDate(note.noteDate)}</strong> <small>{formatDateTime(note.writtenAt)}</small>
            <p>{note.text}</p>
            {note.progress?.ordersSummary && (
              <p>
                {t('inpatient.progressOrders')}: {note.progress.ordersSummary}
              </p>
            )}
            <NoteSigning
              note={note}
              history={versions.historyOf(note.id)}
              label={t('signing.signProgressNote')}
              testId="sign-progress-note"
            />
          </li>
        ))}
      </ol>
    </section>
  );
}
