import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { DEVICE_PATH, renameDeviceSchema, type ThisDevice } from '../../shared/sync/enrollment';
import { syncPath } from '../../shared/sync/protocol';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin } from '../admin/authenticate-admin';
import type { DeviceRecord } from '../admin/device-routes';
import { authenticateDevice } from '../auth/authenticate-device';
import type { Database } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { HttpError } from '../http/http-error';

const deviceParams = z.object({ id: z.uuid() });

/**
 * A PC's name, so that the device list tells the PCs apart: the PC reads and changes its own
 * (the client offers it to the facility's admins only), and the province's admin renames any.
 */
export function registerDeviceNameRoutes(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
): void {
  app.get(syncPath(DEVICE_PATH), async (request): Promise<ThisDevice> => {
    const device = await authenticateDevice(request, database);
    const [row] = await database.query<{ name: string }>('SELECT name FROM devices WHERE id = $1', [device.deviceId]);
    return { id: device.deviceId, name: row?.name ?? '', facilityCode: device.facilityCode };
  });

  app.post(syncPath(DEVICE_PATH), async (request): Promise<ThisDevice> => {
    const device = await authenticateDevice(request, database);
    const { name } = renameDeviceSchema.parse(request.body);
    await database.query('UPDATE devices SET name = $2 WHERE id = $1', [device.deviceId, name]);
    return { id: device.deviceId, name, facilityCode: device.facilityCode };
  });

  app.patch(`${ADMIN_PREFIX}/devices/:id`, async (request): Promise<DeviceRecord> => {
    authenticateAdmin(request, adminToken);
    const { id } = deviceParams.parse(request.params);
    const { name } = renameDeviceSchema.parse(request.body);
    const [device] = await database.query<DeviceRecord>(
      `UPDATE devices SET name = $2 WHERE id = $1
       RETURNING id, facility_code AS "facilityCode", name, ${isoTimestamp('created_at')} AS "createdAt",
                 ${isoTimestamp('revoked_at')} AS "revokedAt"`,
      [id, name],
    );
    if (!device) throw new HttpError(404, 'not-found', `No device ${id}.`);
    return device;
  });
}
