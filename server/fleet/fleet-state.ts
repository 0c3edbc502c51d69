import type { FleetState, FleetThresholds } from '../../shared/admin/fleet-api';

export { FLEET_STATES, type FleetState, type FleetThresholds } from '../../shared/admin/fleet-api';

/** An hour without contact is late (a PC syncs within seconds when online); a day is silent. */
export const DEFAULT_FLEET_THRESHOLDS: FleetThresholds = { lateAfterMinutes: 60, silentAfterHours: 24 };

export interface ContactTimes {
  lastContactAt: Date;
  revokedAt: Date | null;
}

/** A PC's state (shared/admin/fleet-api.ts says what each means); a PC never heard from counts from its enrollment. */
export function fleetState(device: ContactTimes, now: Date, thresholds: FleetThresholds): FleetState {
  if (device.revokedAt) return 'revoked';
  const { lateBefore, silentBefore } = boundaries(now, thresholds);
  if (device.lastContactAt < silentBefore) return 'silent';
  if (device.lastContactAt < lateBefore) return 'late';
  return 'ok';
}

/**
 * The same rule as conditions on the stored columns, so that the list filters in SQL: a PC is
 * in `state` if its revocation matches and its last contact is in [from, before).
 */
export interface StateWindow {
  revoked: boolean;
  contactFrom: Date | null;
  contactBefore: Date | null;
}

export function stateWindow(state: FleetState, now: Date, thresholds: FleetThresholds): StateWindow {
  const { lateBefore, silentBefore } = boundaries(now, thresholds);
  switch (state) {
    case 'revoked':
      return { revoked: true, contactFrom: null, contactBefore: null };
    case 'silent':
      return { revoked: false, contactFrom: null, contactBefore: silentBefore };
    case 'late':
      return { revoked: false, contactFrom: silentBefore, contactBefore: lateBefore };
    case 'ok':
      return { revoked: false, contactFrom: lateBefore, contactBefore: null };
  }
}

function boundaries(now: Date, thresholds: FleetThresholds): { lateBefore: Date; silentBefore: Date } {
  // A silent threshold shorter than the late one would leave no late state: the later one wins.
  const lateMs = thresholds.lateAfterMinutes * 60_000;
  const silentMs = Math.max(lateMs, thresholds.silentAfterHours * 3_600_000);
  return { lateBefore: new Date(now.getTime() - lateMs), silentBefore: new Date(now.getTime() - silentMs) };
}
