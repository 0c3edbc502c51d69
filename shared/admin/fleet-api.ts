/**
 * The fleet as the admin API answers it (server/fleet), shared by the server and the console.
 * A PC's state is measured on the server's clock (never the PC's): `ok` if it was heard from
 * within `lateAfterMinutes`, `late` up to `silentAfterHours`, `silent` after that, `revoked`
 * once revoked. Times are ISO 8601 in UTC.
 */
export const FLEET_STATES = ['ok', 'late', 'silent', 'revoked'] as const;
export type FleetState = (typeof FLEET_STATES)[number];

export interface FleetThresholds {
  lateAfterMinutes: number;
  silentAfterHours: number;
}

/** One enrolled PC as the fleet page shows it. */
export interface FleetDevice {
  id: string;
  facilityCode: string;
  facilityName: string;
  name: string;
  /** What the PC last reported; null for a PC that never did (an older app, or no sync yet) */
  appVersion: string | null;
  backlog: number | null;
  auditBacklog: number | null;
  quarantined: number | null;
  firstSync: { done: number; total: number } | null;
  reportedAt: string | null;
  lastPullAt: string | null;
  lastPushAt: string | null;
  lastStreamAt: string | null;
  /** The latest of the three, or the enrollment for a PC never heard from */
  lastContactAt: string;
  enrolledAt: string;
  revokedAt: string | null;
  state: FleetState;
}

/** How many PCs are in each state, and who runs which app version (`GET /admin/v1/fleet/summary`). */
export interface FleetSummary {
  total: number;
  byState: Record<FleetState, number>;
  /** Version → PCs not revoked, most common first; `null` is a PC that never reported one. */
  byVersion: { version: string | null; count: number }[];
}
