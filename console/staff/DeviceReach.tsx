import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminClient } from '../api/admin-client';
import { staffApi, type FacilityDevice } from './staff-api';
import { shownTime, staffErrorMessage } from './staff-errors';

/** How often the list asks again while it waits for PCs to sync a change. */
const REFRESH_MS = 15_000;

/**
 * Where a change to the facility's accounts stands: each PC with its state and last contact
 * with the province. An online PC (state ok) has a change within seconds through its stream; the
 * server records contacts only every minute or ten, too coarsely to say that a PC has one
 * change, so the page does not claim it.
 */
export function DeviceReach({
  client,
  facilityCode,
  changedAt,
}: {
  client: AdminClient;
  facilityCode: string;
  /** When the last change was saved here, or null before any: the list is fetched again, and every 15 s after. */
  changedAt: string | null;
}) {
  const { t, i18n } = useTranslation();
  const [devices, setDevices] = useState<FacilityDevice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    staffApi.devices(client, facilityCode).then(
      (list) => {
        if (live) setDevices(list.filter((device) => device.revokedAt === null));
      },
      (failure: unknown) => {
        if (live) setError(staffErrorMessage(t, failure));
      },
    );
    return () => {
      live = false;
    };
  }, [client, facilityCode, changedAt, tick, t]);

  useEffect(() => {
    if (changedAt === null) return;
    const timer = window.setInterval(() => setTick((current) => current + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [changedAt]);

  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (devices === null) return null;
  return (
    <section className="device-reach" aria-labelledby="device-reach-title" data-testid="device-reach">
      <h2 id="device-reach-title">{t('staff.devicesTitle')}</h2>
      {devices.length === 0 ? (
        <p className="empty">{t('staff.noDevices')}</p>
      ) : (
        <table className="list compact">
          <thead>
            <tr>
              <th scope="col">{t('staff.deviceName')}</th>
              <th scope="col">{t('staff.state')}</th>
              <th scope="col">{t('staff.lastContact')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id} data-testid={`device-${device.name}`}>
                <td>{device.name}</td>
                <td>{t(`staff.deviceStates.${device.state}`)}</td>
                <td>{shownTime(device.lastContactAt, i18n.language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
