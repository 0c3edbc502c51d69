import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { FleetDevice } from './fleet-api';

/**
 * Asks before revoking, naming the PC and its facility, with a button that says what it does.
 * A modal <dialog>: focus stays inside, Escape cancels, and focus starts on "Không thu hồi"
 * so that a hurried Enter changes nothing.
 */
export function RevokeDialog({
  device,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  device: FleetDevice;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (!element.open) element.showModal();
    cancel.current?.focus();
    return () => element.close();
  }, []);
  const names = { name: device.name, facility: device.facilityName, code: device.facilityCode };
  return (
    <dialog
      ref={dialog}
      className="card revoke-dialog"
      aria-labelledby="revoke-title"
      aria-describedby="revoke-body"
      data-testid="revoke-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id="revoke-title">{t('devices.revokeTitle')}</h2>
      <p id="revoke-body" data-testid="revoke-body">
        {t('devices.revokeBody', names)}
      </p>
      {device.backlog !== null && device.backlog > 0 && (
        <p className="warning">{t('devices.revokeBacklog', { count: device.backlog })}</p>
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="revoke-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="danger" data-testid="confirm-revoke" disabled={busy} onClick={onConfirm}>
          {busy ? t('devices.revokeBusy') : t('devices.revokeConfirm', names)}
        </button>
        <button type="button" ref={cancel} data-testid="cancel-revoke" disabled={busy} onClick={onCancel}>
          {t('devices.revokeCancel')}
        </button>
      </div>
    </dialog>
  );
}
