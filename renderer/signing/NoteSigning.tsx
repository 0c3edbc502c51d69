import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteDocument } from '../../shared/clinical/note-document';
import { isSignedDocument } from '../../shared/clinical/signed-document';
import { useServices } from '../app/services-context';
import { AmendNoteDialog } from './AmendNoteDialog';
import { DocumentSigning } from './DocumentSigning';

/**
 * A stay's note in force with its signature: sign it, or amend it once signed; its earlier
 * versions stay readable below it, each marked superseded. `history` is every version of the
 * note, oldest first (version-chain.ts).
 */
export function NoteSigning({
  note,
  history,
  label,
  testId,
}: {
  note: NoteDocument;
  history: readonly NoteDocument[];
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const { session } = useServices();
  const [amending, setAmending] = useState(false);
  const earlier = history.filter((version) => version.id !== note.id);
  return (
    <>
      {note.supersedes && (
        <p data-testid="note-amendment-reason">{t('signing.amendmentOf', { reason: note.amendmentReason ?? '' })}</p>
      )}
      <DocumentSigning signed={{ collection: 'notes', document: note }} label={label} testId={testId} />
      {isSignedDocument(note) && session.can('clinical.sign') && (
        <button type="button" data-testid="amend-note" onClick={() => setAmending(true)}>
          {t('signing.amend')}
        </button>
      )}
      {earlier.length > 0 && (
        <details data-testid="note-versions">
          <summary>{t('signing.history')}</summary>
          <ol>
            {earlier.map((version, index) => (
              <li key={version.id} data-testid="superseded-note">
                <strong>{t('signing.supersededVersion', { number: index + 1 })}</strong>
                <p>{version.discharge ? version.discharge.treatment : version.text}</p>
              </li>
            ))}
          </ol>
        </details>
      )}
      {amending && <AmendNoteDialog note={note} onClose={() => setAmending(false)} />}
    </>
  );
}
