import type { SqlExecutor } from '../db/database';
import type { FleetState, FleetSummary } from '../../shared/admin/fleet-api';
import { stateWindow, type FleetThresholds } from './fleet-state';

/**
 * The fleet's counts in two aggregate queries, by the same windows on the last contact as the
 * list's state filter (fleet-state.ts), so the page need not walk 2,000 PCs to count them.
 */
export async function summarizeFleet(
  database: SqlExecutor,
  facility: string | null,
  now: Date,
  thresholds: FleetThresholds,
): Promise<FleetSummary> {
  const lateBefore = stateWindow('ok', now, thresholds).contactFrom;
  const silentBefore = stateWindow('silent', now, thresholds).contactBefore;
  const [counts] = await database.query<Record<FleetState | 'total', number>>(
    `SELECT count(*)::int AS total,
            count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked,
            count(*) FILTER (WHERE revoked_at IS NULL AND last_contact_at >= $2::timestamptz)::int AS ok,
            count(*) FILTER (WHERE revoked_at IS NULL AND last_contact_at < $2::timestamptz
                               AND last_contact_at >= $3::timestamptz)::int AS late,
            count(*) FILTER (WHERE revoked_at IS NULL AND last_contact_at < $3::timestamptz)::int AS silent
     FROM devices WHERE ($1::text IS NULL OR facility_code = $1)`,
    [facility, lateBefore?.toISOString(), silentBefore?.toISOString()],
  );
  const byVersion = await database.query<{ version: string | null; count: number }>(
    `SELECT app_version AS version, count(*)::int AS count FROM devices
     WHERE revoked_at IS NULL AND ($1::text IS NULL OR facility_code = $1)
     GROUP BY app_version ORDER BY count(*) DESC, app_version DESC NULLS LAST`,
    [facility],
  );
  const { total = 0, ok = 0, late = 0, silent = 0, revoked = 0 } = counts ?? {};
  return { total, byState: { ok, late, silent, revoked }, byVersion };
}
