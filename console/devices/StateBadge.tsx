import { useTranslation } from 'react-i18next';
import type { FleetState, FleetThresholds } from './fleet-api';

/** The state in words and a colour (never colour alone), with the threshold it means on hover. */
export function StateBadge({ state, thresholds }: { state: FleetState; thresholds: FleetThresholds }) {
  const { t } = useTranslation();
  return (
    <span
      className={`state-badge state-${state}`}
      data-testid="device-state"
      data-state={state}
      title={t(`devices.stateHelp.${state}`, {
        minutes: thresholds.lateAfterMinutes,
        hours: thresholds.silentAfterHours,
      })}
    >
      {t(`devices.states.${state}`)}
    </span>
  );
}
