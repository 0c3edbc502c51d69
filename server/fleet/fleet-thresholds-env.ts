import { DEFAULT_FLEET_THRESHOLDS, type FleetThresholds } from './fleet-state';

/**
 * The fleet page's thresholds from SEN_FLEET_LATE_MINUTES and SEN_FLEET_SILENT_HOURS, each
 * falling back to its default; a value that is not a positive number stops the server, rather
 * than quietly calling every PC silent.
 */
export function fleetThresholdsFromEnvironment(environment: Record<string, string | undefined>): FleetThresholds {
  return {
    lateAfterMinutes: positive(environment, 'SEN_FLEET_LATE_MINUTES', DEFAULT_FLEET_THRESHOLDS.lateAfterMinutes),
    silentAfterHours: positive(environment, 'SEN_FLEET_SILENT_HOURS', DEFAULT_FLEET_THRESHOLDS.silentAfterHours),
  };
}

function positive(environment: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = environment[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not "${raw}".`);
  return value;
}
