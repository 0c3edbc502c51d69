import type { TFunction } from 'i18next';
import { useState } from 'react';
import type { AdminClient } from '../api/admin-client';
import { revokeDevice, type FleetDevice } from './fleet-api';
import { fleetErrorMessage } from './fleet-errors';

export interface Revoking {
  /** The PC the confirmation is open for */
  asking: FleetDevice | null;
  busy: boolean;
  error: string | null;
  notice: string | null;
  ask: (device: FleetDevice) => void;
  confirm: () => void;
  cancel: () => void;
}

/**
 * Revoking a PC: ask, then call the API; the row then shows the server's revocation (state
 * "revoked", Đã thu hồi). A refusal stays in the dialog and changes nothing on the page.
 */
export function useRevoke(client: AdminClient, t: TFunction, onRevoked: (device: FleetDevice) => void): Revoking {
  const [asking, setAsking] = useState<FleetDevice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const confirm = () => {
    const device = asking;
    if (!device || busy) return;
    setBusy(true);
    setError(null);
    revokeDevice(client, device.id)
      .then((revoked) => {
        onRevoked({ ...device, revokedAt: revoked.revokedAt, state: 'revoked' });
        setNotice(t('devices.revoked', { name: device.name, facility: device.facilityName }));
        setAsking(null);
      })
      .catch((failure: unknown) => setError(fleetErrorMessage(t, failure)))
      .finally(() => setBusy(false));
  };

  return {
    asking,
    busy,
    error,
    notice,
    ask: (device) => {
      setError(null);
      setNotice(null);
      setAsking(device);
    },
    confirm,
    cancel: () => setAsking(null),
  };
}
