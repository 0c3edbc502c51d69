import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DuplicateRecord } from '../../shared/identity/duplicates-api';
import { displayPatientCode } from '../../shared/identifiers/patient-code';
import type { Decision } from './CandidatePairView';

/**
 * The confirmation a merge or dismissal needs: it names both records (name, facility, code) and,
 * for a merge, which code stays primary and which becomes the alias. Enter confirms, Escape
 * cancels; the confirm button has the focus when it opens.
 */
export function DecisionPanel({
  decision,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  decision: Decision;
  busy: boolean;
  error: string | null;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), [decision]);

  const { first, second } = decision.candidate;
  const named = (record: DuplicateRecord) => ({
    name: record.fullName,
    facility: record.facilityName,
    code: displayPatientCode(record.patientCode),
  });
  let title: string;
  let text: string;
  if (decision.kind === 'merge') {
    const [primary, alias] =
      decision.primary === 'first' ? [named(first), named(second)] : [named(second), named(first)];
    title = t('duplicates.confirmMergeTitle');
    text = t('duplicates.confirmMerge', {
      primaryName: primary.name,
      primaryFacility: primary.facility,
      primaryCode: primary.code,
      aliasName: alias.name,
      aliasFacility: alias.facility,
      aliasCode: alias.code,
    });
  } else {
    const [a, b] = [named(first), named(second)];
    title = t('duplicates.confirmDismissTitle');
    text = t('duplicates.confirmDismiss', {
      firstName: a.name,
      firstFacility: a.facility,
      firstCode: a.code,
      secondName: b.name,
      secondFacility: b.facility,
      secondCode: b.code,
    });
  }

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!busy) onConfirm(note);
  };
  return (
    <form
      className="decision card"
      role="alertdialog"
      aria-labelledby="decision-title"
      aria-describedby="decision-text"
      data-testid="decision-panel"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id="decision-title">{title}</h2>
      <p id="decision-text" data-testid="decision-text">
        {text}
      </p>
      <label>
        {t('duplicates.note')}
        <input value={note} maxLength={1000} onChange={(event) => setNote(event.target.value)} />
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button ref={confirmRef} type="submit" className="primary" disabled={busy} data-testid="confirm-decision">
          {t('duplicates.confirm')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('duplicates.cancel')}
        </button>
      </div>
    </form>
  );
}
