import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrollmentCodeResponse } from '../../shared/admin/admin-api';

/** The code in large type, each group apart, to read over the phone; Escape or Enter closes it. */
export function EnrollmentCodePanel({
  issued,
  facilityName,
  onClose,
}: {
  issued: EnrollmentCodeResponse;
  facilityName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div
      className="enrollment-code card"
      role="dialog"
      aria-modal="true"
      aria-labelledby="enrollment-code-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h2 id="enrollment-code-title">{t('enrollment.title', { name: facilityName })}</h2>
      <p className="code" data-testid="enrollment-code" aria-label={issued.code.split('').join(' ')}>
        {issued.code}
      </p>
      <p>{t('enrollment.instructions', { days: issued.validDays })}</p>
      <button type="button" className="primary" ref={close} onClick={onClose}>
        {t('enrollment.close')}
      </button>
    </div>
  );
}
