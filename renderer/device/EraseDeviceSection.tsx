import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services-context';

/**
 * On a revoked PC the records stay readable to logged-in staff until the facility admin decides;
 * this is that decision. Two clicks, and it says what unsent work is lost.
 */
export function EraseDeviceSection({ unsent }: { unsent: number }) {
  const { t } = useTranslation();
  const services = useServices();
  const [confirming, setConfirming] = useState(false);
  const [erasing, setErasing] = useState(false);
  if (!services.session.can('staff.manage')) return null;

  const erase = async (): Promise<void> => {
    setErasing(true);
    await services.eraseDevice();
    // Back to the first-run wizard, with nothing of the old data left to open.
    window.location.hash = '#/';
    window.location.reload();
  };

  return (
    <section className="erase-device" data-testid="erase-device">
      <h2>{t('erase.title')}</h2>
      <p>{t('erase.explain')}</p>
      {unsent > 0 && (
        <p className="form-error" role="alert">
          {t('erase.unsent', { count: unsent })}
        </p>
      )}
      {confirming ? (
        <button type="button" className="danger" disabled={erasing} onClick={() => void erase()}>
          {t('erase.confirm')}
        </button>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
          {t('erase.start')}
        </button>
      )}
    </section>
  );
}
