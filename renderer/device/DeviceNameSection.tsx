import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceNameSchema } from '../../shared/sync/enrollment';
import { useServices } from '../app/services-context';
import { SyncNetworkError } from '../sync/sync-http';
import { fetchThisDevice, renameThisDevice } from './this-device';

/**
 * The name this PC carries in the province's device list. The facility's admins (sync.manage)
 * rename it here, so that the list tells "Tiếp đón 1" from "Phòng khám 2".
 */
export function DeviceNameSection() {
  const { t } = useTranslation();
  const { device, session } = useServices();
  const mayRename = session.can('sync.manage');
  const [name, setName] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [message, setMessage] = useState<{ kind: 'error' | 'saved'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    fetchThisDevice(device)
      .then((known) => {
        if (!current) return;
        setName(known.name);
        setTyped(known.name);
      })
      // Offline: the name is on the server only; the section says so below.
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [device]);

  const save = async (): Promise<void> => {
    const parsed = deviceNameSchema.safeParse(typed);
    if (!parsed.success) {
      setMessage({ kind: 'error', text: t('deviceName.invalid') });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const renamed = await renameThisDevice(device, parsed.data, session.signer());
      setName(renamed.name);
      setTyped(renamed.name);
      setMessage({ kind: 'saved', text: t('deviceName.saved') });
    } catch (failure) {
      setMessage({
        kind: 'error',
        text: failure instanceof SyncNetworkError ? t('deviceName.offline') : t('deviceName.failed'),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="device-name" data-testid="device-name">
      <h2>{t('deviceName.title')}</h2>
      <p data-testid="device-name-current">{name ?? t('deviceName.unknown')}</p>
      {mayRename && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <label htmlFor="device-name-input">{t('deviceName.label')}</label>
          <input
            id="device-name-input"
            value={typed}
            maxLength={60}
            onChange={(event) => setTyped(event.target.value)}
            aria-invalid={message?.kind === 'error'}
          />
          <button type="submit" disabled={busy}>
            {t('deviceName.save')}
          </button>
        </form>
      )}
      {message && (
        <p
          className={message.kind === 'error' ? 'form-error' : 'notice'}
          role={message.kind === 'error' ? 'alert' : 'status'}
          data-testid="device-name-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
