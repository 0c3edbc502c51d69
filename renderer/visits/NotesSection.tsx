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
 * on Ctrl+S, and when the page is left, so no typing is lost. Only the fields typed in are
 * written; the others show what sync brings in (the nurse's reason while the doctor examines).
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
  // The fields typed here and not yet saved: only these are written, and only these keep the
  // screen's text over what sync brings in.
  const pending = useRef<Partial<VisitNotes>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const id = encounter.id;

  // Another PC's notes arrive by sync: shown at once in every field not being typed in here.
  useEffect(() => {
    setNotes((shown) => {
      const next = { ...shown };
      for (const field of FIELDS) if (pending.current[field] === undefined) next[field] = encounter[field];
      return next;
    });
  }, [encounter]);

  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current);
    const toSave = pending.current;
    if (Object.keys(toSave).length === 0) return;
    pending.current = {};
    setState('saving');
    let failure: string | null = null;
    try {
      const result = await encounters.saveNotes(id, toSave);
      if (!result.ok) failure = result.problems.map((problem) => problemMessage(t, problem)).join(' ');
    } catch (error) {
      // The screen locked mid-save, say: the text stays pending and goes with the next save.
      failure = t('visits.notesSaveFailed', { message: error instanceof Error ? error.message : String(error) });
    }
    if (failure !== null) {
      pending.current = { ...toSave, ...pending.current };
      setState({ error: failure });
      return;
    }
    // Typing may have gone on while this save ran.
    setState(Object.keys(pending.current).length > 0 ? 'unsaved' : 'saved');
  }, [encounters, id, t]);

  // Leaving the page saves what is pending.
  useEffect(() => () => void flush(), [flush]);

  const change = (field: (typeof FIELDS)[number], value: string): void => {
    setNotes((shown) => ({ ...shown, [field]: value }));
    pending.current = { ...pending.current, [field]: value };
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
