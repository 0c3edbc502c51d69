import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database';
import { ensureEnrollmentCode } from '../facilities/facilities';
import { requireActiveFacility } from '../facilities/facility-store';
import { HttpError } from '../http/http-error';
import { revocationPayload, SYNC_CHANNEL } from '../sync/change-notifier';
import { ADMIN_PREFIX } from './admin-routes';
import { authenticateAdmin } from './authenticate-admin';
import { isoTimestamp } from '../db/iso-timestamp';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_VALID_DAYS = 7;

const facilityParams = z.object({ code: z.string().regex(/^\d{5}$/) });
const deviceParams = z.object({ id: z.uuid() });
const deviceQuery = z.object({
  facility: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
});

export interface DeviceRecord {
  id: string;
  facilityCode: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** 12 random Crockford characters in groups of four: read over the phone without mistakes. */
function newEnrollmentCode(): string {
  const characters = [...randomBytes(12)].map((byte) => CROCKFORD.charAt(byte & 31)).join('');
  return `${characters.slice(0, 4)}-${characters.slice(4, 8)}-${characters.slice(8)}`;
}

/** The provincial sync admin's devices: one-time enrollment codes, the device list, revocation. */
export function registerDeviceRoutes(app: FastifyInstance, database: Database, adminToken: string | undefined): void {
  app.post(`${ADMIN_PREFIX}/facilities/:code/enrollment-codes`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { code: facilityCode } = facilityParams.parse(request.params);
    await requireActiveFacility(database, facilityCode);
    const code = newEnrollmentCode();
    await ensureEnrollmentCode(database, code, facilityCode, 1, CODE_VALID_DAYS);
    return { code, facilityCode, validDays: CODE_VALID_DAYS };
  });

  app.get(`${ADMIN_PREFIX}/devices`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { facility } = deviceQuery.parse(request.query);
    const devices = await database.query<DeviceRecord>(
      `SELECT id, facility_code AS "facilityCode", name, ${isoTimestamp('created_at')} AS "createdAt", ${isoTimestamp('revoked_at')} AS "revokedAt"
       FROM devices WHERE ($1::text IS NULL OR facility_code = $1) ORDER BY created_at, id`,
      [facility ?? null],
    );
    return { devices };
  });

  app.post(`${ADMIN_PREFIX}/devices/:id/revoke`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { id } = deviceParams.parse(request.params);
    const [device] = await database.query<DeviceRecord>(
      `UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1
       RETURNING id, facility_code AS "facilityCode", name, ${isoTimestamp('created_at')} AS "createdAt", ${isoTimestamp('revoked_at')} AS "revokedAt"`,
      [id],
    );
    if (!device) throw new HttpError(404, 'not-found', `No device ${id}.`);
    // Open streams of the device close at once, on every server process.
    await database.query('SELECT pg_notify($1, $2)', [SYNC_CHANNEL, revocationPayload(id)]);
    return device;
  });
}
