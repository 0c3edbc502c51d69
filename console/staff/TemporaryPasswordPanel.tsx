import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAccount } from './staff-api';

/** A password the province set, in large type, shown this once; Enter or Escape closes it. */
export function TemporaryPasswordPanel({
  account,
  password,
  onClose,
}: {
  account: Pick<StaffAccount, 'displayName' | 'username'>;
  password: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      className="temporary-password card"
      role="dialog"
      aria-labelledby="temporary-password-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h2 id="temporary-password-title">
        {t('staff.shownOnce', { name: account.displayName, username: account.username })}
      </h2>
      <p className="code" data-testid="temporary-password">
        {password}
      </p>
      <p>{t('staff.shownOnceHint')}</p>
      <button type="button" className="primary" ref={close} onClick={onClose}>
        {t('staff.close')}
      </button>
    </div>
  );
}
