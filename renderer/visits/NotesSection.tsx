import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { useServices } from '../app/services-context';
import type { VisitNotes } from './encounters-repository';
import { problemMessage } from './visit-format';

const AUTOSAVE_MS = 1500;
const FIELDS = ['reason', 'history', 'examination'] as const;

type SaveState = 'saved' | 'unsaved' | 'saving' | { error: string };

/**
 * Reason, history and examination: saved a moment after typing stops, when a field is left,
 * on Ctrl+S, and when the page is left, so no typing is lost. What was typed here is kept over
 * what sync brings in meanwhile (the newer text is the one on this screen).
 */
export function NotesSection({ encounter, editable }: { encounter: EncounterDocument; editable: boolean }) {
  const { t } = useTranslation();
  const { encounters } = useServices();
  const [notes, setNotes] = useState<VisitNotes>(() => ({
    reason: encounter.reason,
    history: encounter.history,
    examination: encounter.examination,
  }));
  const [state, setState] = useState<SaveState>('saved');
  const pending = useRef<VisitNotes | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = encounter.id;

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const toSave = pending.current;
    if (!toSave) return;
    pending.current = null;
    setState('saving');
    const result = await encounters.saveNotes(id, toSave);
    // Typing may have gone on while this save ran.
    const typedMeanwhile = pending.current as VisitNotes | null;
    if (result.ok) setState(typedMeanwhile ? 'unsaved' : 'saved');
    else {
      pending.current ??= toSave;
      setState({ error: result.problems.map((problem) => problemMessage(t, problem)).join(' ') });
    }
  }, [encounters, id, t]);

  // Leaving the page saves what is pending.
  useEffect(() => () => void flush(), [flush]);

  const change = (field: (typeof FIELDS)[number], value: string): void => {
    const next = { ...notes, [field]: value };
    setNotes(next);
    pending.current = next;
    setState('unsaved');
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  };

  return (
    <section className="visit-section notes-grid" data-testid="visit-notes" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('visits.notesTitle')}</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void flush();
        }}
        onKeyDown={(event) => {
          if (event.ctrlKey && event.key.toLowerCase() === 's') {
            event.preventDefault();
            void flush();
          }
        }}
      >
        {FIELDS.map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`notes-${field}`}>{t(`visits.${field}`)}</label>
            <textarea
              id={`notes-${field}`}
              value={notes[field]}
              readOnly={!editable}
              rows={field === 'reason' ? 2 : 4}
              onChange={(event) => change(field, event.target.value)}
              onBlur={() => void flush()}
            />
          </div>
        ))}
        {editable && (
          <div className="actions">
            <button type="submit">{t('visits.saveNotes')}</button>
            <span
              className={typeof state === 'object' ? 'form-error' : 'notice'}
              role="status"
              data-testid="notes-state"
              data-state={typeof state === 'object' ? 'error' : state}
            >
              {typeof state === 'object' ? state.error : t(`visits.${state}`)}
            </span>
          </div>
        )}
      </form>
    </section>
  );
}
