import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { useObservable } from '../db/hooks';
import { INITIAL_SYNC_STATUS } from '../sync/sync-status';
import { formatDateTime } from './format';
import { useServices } from './services-context';

function duration(seconds: number): string {
  return seconds >= 90
    ? i18next.t('sync.minutes', { count: Math.round(seconds / 60) })
    : i18next.t('sync.seconds', { count: seconds });
}

/** Always visible: connection, last successful sync, and how much has not reached the province. */
export function StatusBar() {
  const { t } = useTranslation();
  const { sync, device } = useServices();
  const status = useObservable(sync.status$, INITIAL_SYNC_STATUS);
  const problemKey = status.problem ? `sync.problems.${status.problem}` : null;
  return (
    <footer className="status-bar" role="status" aria-live="polite">
      <span className={status.online ? 'status-online' : 'status-offline'} data-testid="sync-connection">
        <span className="status-dot" aria-hidden="true" />
        {status.online ? t('sync.online') : t('sync.offline')}
      </span>
      <span data-testid="sync-last-synced">
        {status.lastSyncedAt ? t('sync.lastSynced', { time: formatDateTime(status.lastSyncedAt) }) : t('sync.never')}
      </span>
      <span className={status.unsent > 0 ? 'status-unsent' : ''} data-testid="sync-unsent" data-count={status.unsent}>
        {t('sync.unsent', { count: status.unsent })}
      </span>
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
      <button type="button" onClick={() => sync.syncNow()}>
        {t('sync.syncNow')}
      </button>
    </footer>
  );
}
