import { useTranslation } from 'react-i18next';

/** The reason an amendment is made, first in every amendment dialog and focused when it opens. */
export function AmendmentReasonField({ value, onChange }: { value: string; onChange: (reason: string) => void }) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor="amend-reason">{t('signing.amendReason')}</label>
      <input
        id="amend-reason"
        autoFocus
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
