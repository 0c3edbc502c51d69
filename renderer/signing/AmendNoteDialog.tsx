import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteDocument } from '../../shared/clinical/note-document';
import { useServices } from '../app/services-context';
import { AmendmentReasonField } from './AmendmentReasonField';
import { SignDialog } from './SignDialog';

/**
 * An amendment of a signed progress note or discharge summary: the reason first (focused), the
 * texts as signed to correct, then the password. Signed as a new version; the old one stays.
 */
export function AmendNoteDialog({ note, onClose }: { note: NoteDocument; onClose: () => void }) {
  const { t } = useTranslation();
  const { signing } = useServices();
  const [reason, setReason] = useState('');
  const [text, setText] = useState(note.text);
  const [ordersSummary, setOrdersSummary] = useState(note.progress?.ordersSummary ?? '');
  const [treatment, setTreatment] = useState(note.discharge?.treatment ?? '');
  const [advice, setAdvice] = useState(note.discharge?.advice ?? '');
  const discharge = note.kind === 'discharge-summary';

  return (
    <SignDialog
      title={t('signing.amendTitle')}
      explain={t('signing.amendExplain')}
      submitLabel={t('signing.amendSign')}
      onClose={onClose}
      onSign={async (password) => {
        const changes = discharge ? { treatment, advice } : { text, ordersSummary };
        const result = await signing.amendNote(note.id, changes, reason, password);
        return result.ok ? [] : result.problems;
      }}
    >
      <AmendmentReasonField value={reason} onChange={setReason} />
      {discharge ? (
        <>
          <div className="field">
            <label htmlFor="amend-treatment">{t('inpatient.treatment')}</label>
            <textarea
              id="amend-treatment"
              rows={3}
              value={treatment}
              onChange={(event) => setTreatment(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="amend-advice">{t('inpatient.advice')}</label>
            <textarea id="amend-advice" rows={2} value={advice} onChange={(event) => setAdvice(event.target.value)} />
          </div>
        </>
      ) : (
        <>
          <div className="field">
            <label htmlFor="amend-text">{t('inpatient.progressText')}</label>
            <textarea id="amend-text" rows={4} value={text} onChange={(event) => setText(event.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="amend-orders">{t('inpatient.progressOrders')}</label>
            <input id="amend-orders" value={ordersSummary} onChange={(event) => setOrdersSummary(event.target.value)} />
          </div>
        </>
      )}
    </SignDialog>
  );
}
