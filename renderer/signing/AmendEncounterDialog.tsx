import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { useServices } from '../app/services-context';
import { AmendmentReasonField } from './AmendmentReasonField';
import { SignDialog } from './SignDialog';

/**
 * An amendment of a signed visit: the reason first (focused), then the record's texts as
 * signed, to correct, then the password. Signed as a new version; the old one stays.
 */
export function AmendEncounterDialog({
  encounter,
  onClose,
  onAmended,
}: {
  encounter: EncounterDocument;
  onClose: () => void;
  onAmended: (amendment: EncounterDocument) => void;
}) {
  const { t } = useTranslation();
  const { signing } = useServices();
  const [reason, setReason] = useState('');
  const [examination, setExamination] = useState(encounter.examination);
  const [advice, setAdvice] = useState(encounter.advice);

  return (
    <SignDialog
      title={t('signing.amendTitle')}
      explain={t('signing.amendExplain')}
      submitLabel={t('signing.amendSign')}
      onClose={onClose}
      onSign={async (password) => {
        const result = await signing.amendEncounter(encounter.id, { examination, advice }, reason, password);
        if (!result.ok) return result.problems;
        onAmended(result.document);
        return [];
      }}
    >
      <AmendmentReasonField value={reason} onChange={setReason} />
      <div className="field">
        <label htmlFor="amend-examination">{t('visits.examination')}</label>
        <textarea
          id="amend-examination"
          rows={3}
          value={examination}
          onChange={(event) => setExamination(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="amend-advice">{t('visits.advice')}</label>
        <textarea id="amend-advice" rows={2} value={advice} onChange={(event) => setAdvice(event.target.value)} />
      </div>
    </SignDialog>
  );
}
