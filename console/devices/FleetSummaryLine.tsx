import { useTranslation } from 'react-i18next';
import { FLEET_STATES } from './fleet-api';
import type { FleetSummary } from './fleet-summary';
import { fleetHash } from './fleet-route';

const NUMBER = new Intl.NumberFormat('vi-VN');

/** "2.000 máy · Bình thường 1.800 · Chậm 150 · … · Phiên bản: 0.2.0: 1.500 máy, 0.1.0: 450 máy". */
export function FleetSummaryLine({
  summary,
  error,
  facility,
}: {
  summary: FleetSummary | null;
  error: string | null;
  facility: string | null;
}) {
  const { t } = useTranslation();
  if (error)
    return (
      <p className="form-error" role="alert">
        {t('devices.summary.failed', { message: error })}
      </p>
    );
  if (!summary)
    return (
      <p className="fleet-summary muted" aria-live="polite">
        {t('devices.summary.counting')}
      </p>
    );
  return (
    <p className="fleet-summary" data-testid="fleet-summary" aria-label={t('devices.summary.label')}>
      <strong data-testid="summary-total">
        {t('devices.summary.total', { count: summary.total, formatted: NUMBER.format(summary.total) })}
      </strong>
      {FLEET_STATES.map((state) => (
        <a
          key={state}
          href={fleetHash({ facility, state })}
          className={`summary-state state-${state}`}
          data-testid={`summary-${state}`}
        >
          {t(`devices.states.${state}`)}: {NUMBER.format(summary.byState[state])}
        </a>
      ))}
      <span className="summary-versions" data-testid="summary-versions">
        {t('devices.summary.versions')}{' '}
        {summary.byVersion
          .map(({ version, count }) =>
            t('devices.summary.versionCount', {
              version: version ?? t('devices.summary.unknownVersion'),
              count: NUMBER.format(count),
            }),
          )
          .join(', ') || '—'}
      </span>
    </p>
  );
}
