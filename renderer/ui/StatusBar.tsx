import { useTranslation } from 'react-i18next';
import { useObservable } from '../db/hooks';
import { INITIAL_SYNC_STATUS } from '../sync/sync-status';
import { formatDateTime } from './format';
import { useServices } from './services-context';

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
