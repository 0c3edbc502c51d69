import { useTranslation } from 'react-i18next';
import { APP_VERSION } from '../../shared/app-version';
import { useInstallSafety } from './use-install-safety';
import { useUpdateOffer } from './use-update-offer';
import './updates.css';

/**
 * A quiet line in the shell when the province staged a newer version for this facility: never a
 * dialog (a clinician is working). The desktop app asks for consent to install separately, when
 * no visit form is open (electron/main/auto-update.ts).
 */
export function UpdateNotice() {
  const { t } = useTranslation();
  const offer = useUpdateOffer();
  useInstallSafety();
  if (!offer) return null;
  const hint = window.sen ? 'updates.desktopHint' : 'updates.browserHint';
  return (
    <p
      className="update-notice"
      role="status"
      data-testid="update-notice"
      title={t(hint, { version: offer.version, running: APP_VERSION })}
    >
      {t('updates.available', { version: offer.version })}
    </p>
  );
}
