import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { FLEET_SORT_KEYS, listFleet, type FleetSortKey } from './fleet-list';
import { FLEET_STATES, type FleetThresholds } from './fleet-state';
import { summarizeFleet } from './fleet-summary';

const facilityCode = z.string().regex(/^\d{5}$/);
const sortValues = FLEET_SORT_KEYS.flatMap((key) => [key, `-${key}`]) as [string, ...string[]];
const fleetQuery = z
  .object({
    facility: facilityCode.optional(),
    state: z.enum(FLEET_STATES).optional(),
    sort: z.enum(sortValues).default('facility'),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
  })
  .strict();
const facilityParams = z.object({ code: facilityCode });
const summaryQuery = z.object({ facility: facilityCode.optional() }).strict();

/** The most PCs a facility overview lists; a district hospital has tens. */
const OVERVIEW_DEVICES = 500;

export interface FleetRouteOptions {
  clock: () => Date;
  thresholds: FleetThresholds;
}

/**
 * The province's view of its PCs: every enrolled PC with its last contacts, what it reported
 * and a state, and one facility's PCs, staff and open problems together.
 */
export function registerFleetRoutes(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
  options: FleetRouteOptions,
): void {
  const { clock, thresholds } = options;

  app.get(`${ADMIN_PREFIX}/fleet`, async (request) => {
    authenticateAdmin(request, adminToken);
    const query = fleetQuery.parse(request.query);
    const descending = query.sort.startsWith('-');
    const now = clock();
    const page = await listFleet(
      database,
      {
        facility: query.facility ?? null,
        state: query.state ?? null,
        sort: query.sort.replace(/^-/, '') as FleetSortKey,
        descending,
        cursor: query.cursor ?? null,
        limit: query.limit,
      },
      now,
      thresholds,
    );
    return { ...page, now: now.toISOString(), thresholds };
  });

  app.get(`${ADMIN_PREFIX}/fleet/summary`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { facility } = summaryQuery.parse(request.query);
    const now = clock();
    return { ...(await summarizeFleet(database, facility ?? null, now, thresholds)), now: now.toISOString() };
  });

  app.get(`${ADMIN_PREFIX}/facilities/:code/overview`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { code } = facilityParams.parse(request.params);
    const [facility] = await database.query<{ code: string; name: string; provinceCode: string }>(
      'SELECT code, name, province_code AS "provinceCode" FROM facilities WHERE code = $1',
      [code],
    );
    if (!facility) throw new HttpError(404, 'not-found', `No facility ${code}.`);
    const now = clock();
    const fleet = { facility: code, state: null, sort: 'name' as const, descending: false, cursor: null };
    const [{ devices }, [counts]] = await Promise.all([
      listFleet(database, { ...fleet, limit: OVERVIEW_DEVICES }, now, thresholds),
      database.query<{ staff: number; activeStaff: number; conflicts: number; alerts: number }>(
        `SELECT
           (SELECT count(*)::int FROM sync_documents
             WHERE collection = 'staff' AND scope = $1 AND NOT deleted) AS staff,
           (SELECT count(*)::int FROM sync_documents
             WHERE collection = 'staff' AND scope = $1 AND NOT deleted AND body->>'active' = 'true') AS "activeStaff",
           (SELECT count(*)::int FROM sync_conflicts WHERE scope = $1 AND resolved_at IS NULL) AS conflicts,
           (SELECT count(*)::int FROM audit_alerts WHERE facility_code = $1 AND acknowledged_at IS NULL) AS alerts`,
        [code],
      ),
    ]);
    return {
      facility,
      devices,
      staff: { total: counts?.staff ?? 0, active: counts?.activeStaff ?? 0 },
      openProblems: {
        unresolvedConflicts: counts?.conflicts ?? 0,
        unacknowledgedAuditAlerts: counts?.alerts ?? 0,
        silentDevices: devices.filter((device) => device.state === 'silent').length,
        lateDevices: devices.filter((device) => device.state === 'late').length,
      },
      now: now.toISOString(),
      thresholds,
    };
  });
}
