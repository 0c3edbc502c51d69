import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminIdentity, FacilityRecord } from '../../shared/admin/admin-api';
import type { AdminClient } from '../api/admin-client';
import { FLEET_STATES, type FleetState } from './fleet-api';
import { fleetErrorMessage } from './fleet-errors';
import { filtersOf, fleetHash, nextSort, type FleetFilters } from './fleet-route';
import { mayRevoke } from './fleet-permissions';
import { FleetSummaryLine } from './FleetSummaryLine';
import { FleetTable } from './FleetTable';
import { useRevoke } from './use-revoke';
import { useFleetPage, useFleetSummary } from './use-fleet';
import { RevokeDialog } from './RevokeDialog';
import './devices.css';

/**
 * Máy trạm: every enrolled PC, a page at a time, filtered by facility and state and sorted by
 * the API's keys (all kept in the hash), with a summary per state and per app version, and
 * revocation after a confirmation that names the PC and its facility.
 */
export function DevicesPage({
  client,
  admin,
  path,
}: {
  client: AdminClient;
  admin: AdminIdentity;
  path: readonly string[];
}) {
  const { t } = useTranslation();
  const pathKey = path.join('/');
  // The path's text is its identity: the same filters keep the same object, and the page its place.
  const filters = useMemo(() => filtersOf(pathKey.split('/')), [pathKey]);
  const go = (change: Partial<FleetFilters>) => {
    window.location.hash = fleetHash({ ...filters, ...change });
  };

  const [facilities, setFacilities] = useState<FacilityRecord[]>([]);
  useEffect(() => {
    let live = true;
    // Only for the filter's names: a failure leaves the codes typed in the hash working.
    client.facilities().then(
      (list) => {
        if (live) setFacilities(list);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);

  const paging = useFleetPage(client, filters);
  const [summaryVersion, setSummaryVersion] = useState(0);
  // The count starts for a facility once its first rows are shown, and keeps going while the admin pages.
  const [summaryFor, setSummaryFor] = useState<string | null | undefined>(undefined);
  if (paging.page && summaryFor !== filters.facility) setSummaryFor(filters.facility);
  const { summary, error: summaryError } = useFleetSummary(
    client,
    filters.facility,
    summaryVersion,
    summaryFor === filters.facility,
  );
  const revoke = useRevoke(client, t, (device) => {
    paging.replace(device);
    setSummaryVersion((current) => current + 1);
  });
  const { page } = paging;

  return (
    <section className="page devices" data-testid="page-devices">
      <div className="page-title">
        <h1>{t('devices.title')}</h1>
      </div>
      <FleetSummaryLine
        summary={summary}
        error={summaryError ? fleetErrorMessage(t, summaryError) : null}
        facility={filters.facility}
      />
      <form className="fleet-filters" aria-label={t('devices.filters')} onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="fleet-facility">{t('devices.facility')}</label>
        <select
          id="fleet-facility"
          value={filters.facility ?? ''}
          onChange={(event) => go({ facility: event.target.value || null })}
        >
          <option value="">{t('devices.allFacilities')}</option>
          {filters.facility && !facilities.some((facility) => facility.code === filters.facility) && (
            <option value={filters.facility}>{filters.facility}</option>
          )}
          {facilities.map((facility) => (
            <option key={facility.code} value={facility.code}>
              {facility.code} — {facility.name}
            </option>
          ))}
        </select>
        <label htmlFor="fleet-state">{t('devices.state')}</label>
        <select
          id="fleet-state"
          value={filters.state ?? ''}
          onChange={(event) => go({ state: (event.target.value || null) as FleetState | null })}
        >
          <option value="">{t('devices.allStates')}</option>
          {FLEET_STATES.map((state) => (
            <option key={state} value={state}>
              {t(`devices.states.${state}`)}
            </option>
          ))}
        </select>
        {(filters.facility || filters.state) && (
          <button type="button" onClick={() => go({ facility: null, state: null })}>
            {t('devices.clearFilters')}
          </button>
        )}
      </form>
      {revoke.notice && (
        <p className="notice" role="status" data-testid="device-notice">
          {revoke.notice}
        </p>
      )}
      {paging.error ? (
        <p className="form-error" role="alert" data-testid="devices-error">
          {fleetErrorMessage(t, paging.error)}
        </p>
      ) : !page ? (
        <p className="empty" aria-live="polite">
          {t('devices.loading')}
        </p>
      ) : page.devices.length === 0 && paging.number === 1 ? (
        <p className="empty" data-testid="devices-empty">
          {filters.facility || filters.state ? t('devices.empty') : t('devices.emptyAll')}
        </p>
      ) : (
        <>
          <FleetTable
            devices={page.devices}
            now={page.now}
            thresholds={page.thresholds}
            sort={{ current: filters.sort, onSort: (key) => go({ sort: nextSort(filters.sort, key) }) }}
            {...(mayRevoke(admin) ? { onRevoke: revoke.ask } : {})}
          />
          <nav className="pager" aria-label={t('devices.page', { page: paging.number })}>
            <button
              type="button"
              data-testid="previous-page"
              disabled={!paging.previous}
              onClick={paging.previous ?? undefined}
            >
              {t('devices.previous')}
            </button>
            <span data-testid="page-number">{t('devices.page', { page: paging.number })}</span>
            <button type="button" data-testid="next-page" disabled={!paging.next} onClick={paging.next ?? undefined}>
              {t('devices.next')}
            </button>
          </nav>
        </>
      )}
      {revoke.asking && (
        <RevokeDialog
          device={revoke.asking}
          busy={revoke.busy}
          error={revoke.error}
          onConfirm={revoke.confirm}
          onCancel={revoke.cancel}
        />
      )}
    </section>
  );
}
