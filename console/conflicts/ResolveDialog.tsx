import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictAction } from './ConflictGroupCard';
import type { LostValue } from './conflicts-api';
import { changedSinceMerge, valueText } from './value-diff';

/**
 * The confirmation before a conflict is resolved: for a restore, what the field becomes and
 * what it replaces; for a dismissal, the value that stays. An optional note goes with either.
 * A modal <dialog>: focus starts in the note, Enter confirms, Escape cancels.
 */
export function ResolveDialog({
  action,
  conflict,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  action: ConflictAction;
  conflict: LostValue;
  busy: boolean;
  error: string | null;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const field = t(`conflicts.fields.${conflict.field}`, { defaultValue: conflict.field });
  const becomes = valueText(conflict.losingValue);
  const current = conflict.valuesHidden
    ? t('conflicts.hidden')
    : (valueText(conflict.currentValue) ?? t('conflicts.nothing'));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!busy) onConfirm(note);
  };

  return (
    <dialog
      ref={dialog}
      className="resolve-dialog card"
      aria-labelledby="resolve-title"
      data-testid="resolve-dialog"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <form onSubmit={submit}>
        <h2 id="resolve-title">
          {action === 'restore' ? t('conflicts.confirmRestoreTitle') : t('conflicts.confirmDismissTitle')}
        </h2>
        {action === 'restore' ? (
          <>
            <p>{becomes === null ? t('conflicts.becomesNothing', { field }) : t('conflicts.becomes', { field })}</p>
            {becomes !== null && (
              <p className="becomes" data-testid="resolve-becomes">
                {becomes}
              </p>
            )}
            <p data-testid="resolve-replaces">{t('conflicts.replacesCurrent', { value: current })}</p>
            {changedSinceMerge(conflict.masterValue, conflict.currentValue) && (
              <p className="warning">{t('conflicts.movedOn')}</p>
            )}
          </>
        ) : (
          <p data-testid="resolve-keeps">{t('conflicts.keeps', { value: current })}</p>
        )}
        <label htmlFor="resolve-note">{t('conflicts.note')}</label>
        <input
          id="resolve-note"
          autoFocus
          maxLength={1000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        {error && (
          <p className="form-error" role="alert" data-testid="resolve-error">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy} data-testid="resolve-confirm">
            {busy
              ? t('conflicts.working')
              : action === 'restore'
                ? t('conflicts.confirmRestore')
                : t('conflicts.confirmDismiss')}
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('conflicts.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
