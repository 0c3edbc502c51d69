import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  HISTORY_PATH,
  HISTORY_REQUEST_KIND,
  historyRequestBodySchema,
  REPEAT_TESTS_PATH,
  repeatTestReportsBodySchema,
  type HistoryRefusal,
  type HistoryResponse,
} from '../../shared/history/history-request';
import { can } from '../../shared/staff/roles';
import { facilityScope } from '../../shared/sync/scopes';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin, PROVINCE_ADMIN } from '../admin/authenticate-admin';
import { authenticateDevice } from '../auth/authenticate-device';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import type { SignatureChecker } from '../signing/signature-checker';
import { loadFacilityStaff } from '../sync/authorize-authors';
import { foreignRecords, returnedIds } from './foreign-records';
import { listLookups, recordLookup } from './history-lookups';
import { patientIsAt } from './patient-presence';
import { countRepeatTests, storeRepeatTestReports } from './repeat-test-reports';

/** A clinician looks a patient up a few times an hour; a PC asking more is scraping. */
export const DEFAULT_HISTORY_LOOKUPS_PER_MINUTE = 20;

const facilityQuery = z.object({
  facility: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

function refused(reason: string, message: string): HttpError {
  return new HttpError(403, 'forbidden', message, { reason });
}

export interface HistoryRouteContext {
  database: Database;
  signatures: SignatureChecker;
  adminToken: string | undefined;
  lookupsPerMinute: number;
}

/**
 * A patient's records at the province's other facilities, for a clinician of the facility the
 * patient is at (docs: README "History from other facilities"): the device proves the PC, the
 * signed request the person; both are checked, every lookup and every refusal after the person
 * is proven is recorded, and a break-glass lookup is listed for the sync admin.
 */
export function registerHistoryRoutes(app: FastifyInstance, context: HistoryRouteContext): void {
  const { database, signatures, adminToken } = context;

  app.post(
    HISTORY_PATH,
    { config: { rateLimit: { max: context.lookupsPerMinute, timeWindow: 60_000 } } },
    async (request): Promise<HistoryResponse> => {
      const device = await authenticateDevice(request, database);
      const { request: lookup, signature } = historyRequestBodySchema.parse(request.body);
      const staff = await loadFacilityStaff(database, facilityScope(device.facilityCode));
      const account = staff.get(lookup.staffId);
      if (!account) throw refused('not-permitted', 'No such staff member at this facility.');
      const unproven = await signatures.refusal(
        { collection: HISTORY_REQUEST_KIND, state: lookup, signature, author: lookup.staffId },
        staff,
      );
      if (unproven) throw refused(unproven, `The request does not prove who asks (${unproven}).`);

      const asker = { deviceId: device.deviceId, facilityCode: device.facilityCode, username: account.username };
      const refuse = async (reason: HistoryRefusal, message: string): Promise<never> => {
        const recorded = await recordLookup(database, asker, lookup, { outcome: reason });
        throw recorded ? refused(reason, message) : refused('request-reused', 'This request was made before.');
      };
      if (!account.active || !can(account.roles, 'clinical.read')) {
        return refuse('not-permitted', 'This staff member may not read clinical records.');
      }
      if (!lookup.emergency && !(await patientIsAt(database, device.facilityCode, lookup))) {
        return refuse('patient-not-here', 'The patient is neither registered nor referred at this facility.');
      }
      const records = await foreignRecords(database, device, lookup);
      const returned = returnedIds(records) as Record<string, string[]>;
      if (!(await recordLookup(database, asker, lookup, { outcome: 'shown', returned }))) {
        throw refused('request-reused', 'This request was made before.');
      }
      if (lookup.emergency) {
        request.log.warn({ device: device.deviceId, staff: lookup.staffId, lookup: lookup.id }, 'break-glass lookup');
      }
      return { lookupId: lookup.id, records };
    },
  );

  app.post(REPEAT_TESTS_PATH, async (request) => {
    const device = await authenticateDevice(request, database);
    const { reports } = repeatTestReportsBodySchema.parse(request.body);
    await storeRepeatTestReports(database, device, reports);
    return { stored: reports.length };
  });

  app.get(`${ADMIN_PREFIX}/history-alerts`, async (request) => {
    authenticateAdmin(request, adminToken);
    const query = facilityQuery.parse(request.query);
    return { alerts: await listLookups(database, { ...query, facility: query.facility ?? null, emergencyOnly: true }) };
  });

  app.get(`${ADMIN_PREFIX}/history-lookups`, async (request) => {
    // Each lookup names the CCCD or BHYT number asked for: patient data, for a province admin.
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const query = facilityQuery.parse(request.query);
    return {
      lookups: await listLookups(database, { ...query, facility: query.facility ?? null, emergencyOnly: false }),
    };
  });

  app.get(`${ADMIN_PREFIX}/repeat-tests`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { facility } = facilityQuery.parse(request.query);
    return { counts: await countRepeatTests(database, facility ?? null) };
  });
}
