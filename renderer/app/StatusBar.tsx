import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useObservable } from '../db/hooks';
import { INITIAL_SYNC_STATUS, type SyncStatus } from '../sync/sync-status';
import { useLostValues } from '../sync/use-lost-values';
import { formatDateTime } from './format';
import { useServices } from './services-context';

function duration(seconds: number): string {
  return seconds >= 90
    ? i18next.t('sync.minutes', { count: Math.round(seconds / 60) })
    : i18next.t('sync.seconds', { count: seconds });
}

/** Problems after which the connection does not matter: the server will not sync this PC. */
const BLOCKING_PROBLEMS = new Set<SyncStatus['problem']>([
  'device-revoked',
  'invalid-credential',
  'protocol-outdated',
  'insecure-server',
  'server-url-invalid',
]);

/** What "Sync now" pressed offline answers: no connection, and when the PC tries again. */
function offlineNote(status: SyncStatus): string {
  if (!status.nextRetryAt) return i18next.t('syncState.noConnectionSoon');
  const at = new Date(status.nextRetryAt);
  const pad = (value: number): string => String(value).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  return i18next.t('syncState.noConnection', { time });
}

/** Always visible: connection, last successful sync, and how much has not reached the province. */
export function StatusBar() {
  const { t } = useTranslation();
  const { sync, device } = useServices();
  const status = useObservable(sync.status$, INITIAL_SYNC_STATUS);
  const lost = useLostValues();
  const problemKey = status.problem ? `sync.problems.${status.problem}` : null;
  // Revoked (or otherwise shut out), the link's state is not the PC's state: one state is shown.
  const blocked = BLOCKING_PROBLEMS.has(status.problem);
  const [pressedOffline, setPressedOffline] = useState(false);
  useEffect(() => {
    // The note answers one press: once the link is back it has nothing more to say.
    const subscription = sync.status$.subscribe((current) => {
      if (current.online) setPressedOffline(false);
    });
    return () => subscription.unsubscribe();
  }, [sync]);
  const syncNow = (): void => {
    sync.syncNow();
    setPressedOffline(!status.online);
  };
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      {blocked ? (
        <span className="status-offline" data-testid="sync-connection">
          <span className="status-dot" aria-hidden="true" />
          {status.problem === 'device-revoked' ? t('syncState.revoked') : t('syncState.blocked')}
        </span>
      ) : (
        <span className={status.online ? 'status-online' : 'status-offline'} data-testid="sync-connection">
          <span className="status-dot" aria-hidden="true" />
          {status.online ? t('sync.online') : t('sync.offline')}
        </span>
      )}
      <span data-testid="sync-last-synced">
        {status.lastSyncedAt ? t('sync.lastSynced', { time: formatDateTime(status.lastSyncedAt) }) : t('sync.never')}
      </span>
      <span className={status.unsent > 0 ? 'status-unsent' : ''} data-testid="sync-unsent" data-count={status.unsent}>
        {t('sync.unsent', { count: status.unsent })}
      </span>
      {status.unsentAudit > 0 && (
        <span
          className="status-unsent"
          data-testid="sync-unsent-audit"
          data-count={status.unsentAudit}
          title={t('syncState.unsentTitle')}
        >
          {t('syncState.unsentAudit', { count: status.unsentAudit })}
        </span>
      )}
      {lost.length > 0 && (
        <a href="#/sync" className="status-problem" data-testid="sync-lost-values">
          {t('syncState.lostLink', { count: lost.length })}
        </a>
      )}
      {status.quarantined > 0 && (
        <a href="#/sync" className="status-problem" data-testid="sync-quarantined">
          {t('sync.quarantined', { count: status.quarantined })}
        </a>
      )}
      {status.initialSync && (
        <span className="status-progress" data-testid="sync-initial">
          <progress value={status.initialSync.done} max={status.initialSync.total} />
          {t('sync.initialSync', { done: status.initialSync.done, total: status.initialSync.total })}
          {status.initialSync.secondsLeft !== null &&
            ` · ${t('sync.secondsLeft', { time: duration(status.initialSync.secondsLeft) })}`}
        </span>
      )}
      {problemKey && (
        <span className="status-problem" data-testid="sync-problem">
          {t(problemKey, { defaultValue: t('sync.problems.other', { code: status.problem }) })}
        </span>
      )}
      <span className="status-facility">{t('sync.facility', { name: device.facility.name })}</span>
      <button type="button" onClick={syncNow}>
        {t('sync.syncNow')}
      </button>
      {pressedOffline && !status.online && !blocked && (
        <span className="status-problem" data-testid="sync-now-offline">
          {offlineNote(status)}
        </span>
      )}
    </footer>
  );
}
