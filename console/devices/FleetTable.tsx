import { useTranslation } from 'react-i18next';
import { ContactTime } from './ContactTime';
import type { FleetDevice, FleetSort, FleetSortKey, FleetThresholds } from './fleet-api';
import { StateBadge } from './StateBadge';

interface Column {
  key: string;
  /** The API's sort key when the column can be sorted by */
  sort?: FleetSortKey;
  numeric?: boolean;
}

const COLUMNS: Column[] = [
  { key: 'facility', sort: 'facility' },
  { key: 'name', sort: 'name' },
  { key: 'appVersion', sort: 'appVersion' },
  { key: 'lastPull', sort: 'lastPull' },
  { key: 'lastPush', sort: 'lastPush' },
  { key: 'backlog', sort: 'backlog', numeric: true },
  { key: 'quarantined', numeric: true },
  { key: 'firstSync' },
  { key: 'state', sort: 'lastContact' },
  { key: 'actions' },
];

export interface FleetTableProps {
  devices: readonly FleetDevice[];
  now: string;
  thresholds: FleetThresholds;
  /** Without it the headers are plain text (the facility view lists its PCs by name). */
  sort?: { current: FleetSort; onSort: (key: FleetSortKey) => void };
  /** Without it no PC shows the revoke button. */
  onRevoke?: (device: FleetDevice) => void;
  /** The facility column links to its view; hidden where every row is the same facility. */
  showFacility?: boolean;
}

/** One formatter for every cell: `toLocaleString` would build a new one per number. */
const NUMBER = new Intl.NumberFormat('vi-VN');

function count(value: number | null, fallback: string) {
  return value === null ? <span className="muted">{fallback}</span> : NUMBER.format(value);
}

/**
 * The PCs as rows: who, which version, when last heard from, what waits on them, and a state.
 * Sortable headers are buttons (Tab, Enter) and say their direction with aria-sort.
 */
export function FleetTable({ devices, now, thresholds, sort, onRevoke, showFacility = true }: FleetTableProps) {
  const { t } = useTranslation();
  const columns = COLUMNS.filter((column) => showFacility || column.key !== 'facility');
  return (
    <table className="list fleet" data-testid="fleet-list">
      <thead>
        <tr>
          {columns.map((column) => {
            const label = t(`devices.columns.${column.key}`);
            const sortKey = column.sort;
            if (!sort || !sortKey)
              return (
                <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                  {label}
                </th>
              );
            const direction =
              sort.current === sortKey ? 'ascending' : sort.current === `-${sortKey}` ? 'descending' : undefined;
            return (
              <th
                key={column.key}
                scope="col"
                aria-sort={direction ?? 'none'}
                className={column.numeric ? 'numeric' : undefined}
              >
                <button
                  type="button"
                  className="sort"
                  data-testid={`sort-${sortKey}`}
                  title={t('devices.sortBy', { column: label })}
                  onClick={() => sort.onSort(sortKey)}
                >
                  {label}
                  <span aria-hidden="true">
                    {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
                  </span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {devices.map((device) => (
          <tr key={device.id} data-testid={`device-${device.id}`} className={device.revokedAt ? 'inactive' : ''}>
            {showFacility && (
              <td>
                <a
                  href={`#/facilities/${device.facilityCode}`}
                  title={t('devices.openFacility', { name: device.facilityName })}
                >
                  {device.facilityCode}
                </a>{' '}
                <span className="facility-name">{device.facilityName}</span>
              </td>
            )}
            <td data-testid="device-name">{device.name}</td>
            <td data-testid="device-version">
              {device.appVersion ?? <span className="muted">{t('devices.notReported')}</span>}
            </td>
            <td>
              <ContactTime at={device.lastPullAt} now={now} />
            </td>
            <td>
              <ContactTime at={device.lastPushAt} now={now} />
            </td>
            <td className="numeric" data-testid="device-backlog">
              {count(device.backlog, t('devices.notReported'))}
            </td>
            <td className="numeric" data-testid="device-quarantined">
              {count(device.quarantined, '—')}
            </td>
            <td>
              {firstSync(device, t('devices.firstSyncDone'), (done, total, percent) =>
                t('devices.firstSyncProgress', { done, total, percent }),
              )}
            </td>
            <td>
              <StateBadge state={device.state} thresholds={thresholds} />
            </td>
            <td>
              {onRevoke && !device.revokedAt && (
                <button type="button" data-testid="revoke-device" onClick={() => onRevoke(device)}>
                  {t('devices.revoke')}
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function firstSync(
  device: FleetDevice,
  doneWord: string,
  progress: (done: number, total: number, percent: number) => string,
) {
  // A PC reports progress only while its first download runs; after it, or from an older app, nothing.
  if (!device.firstSync) return device.reportedAt ? doneWord : <span className="muted">—</span>;
  const { done, total } = device.firstSync;
  const percent = total === 0 ? 100 : Math.floor((done / total) * 100);
  return (
    <span className="first-sync">
      <progress max={total} value={done} aria-hidden="true" /> {progress(done, total, percent)}
    </span>
  );
}
