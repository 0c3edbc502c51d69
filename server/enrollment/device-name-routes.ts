import type { FastifyInstance } from 'fastify';
import { sha256 } from '../auth/device-token';
import { z } from 'zod';
import { staffRenameDeviceSchema, type StaffRenameDevice } from '../../shared/sync/device-rename';
import { DEVICE_PATH, deviceNameSchema, renameDeviceSchema, type ThisDevice } from '../../shared/sync/enrollment';
import { facilityScope } from '../../shared/sync/scopes';
import { syncPath } from '../../shared/sync/protocol';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin } from '../admin/authenticate-admin';
import type { DeviceRecord } from '../admin/device-routes';
import { authenticateDevice } from '../auth/authenticate-device';
import type { Database } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { HttpError } from '../http/http-error';
import type { SignatureChecker } from '../signing/signature-checker';
import { loadFacilityStaff } from '../sync/authorize-authors';
import { deviceRenameRefusal } from './authorize-device-rename';

const deviceParams = z.object({ id: z.uuid() });

/**
 * A rename from a PC: a name alone (as PCs sent it before renames were signed) proves no staff
 * member asked, so it is refused as unproven rather than as malformed.
 */
function parseStaffRename(body: unknown): StaffRenameDevice {
  z.looseObject({ name: deviceNameSchema }).parse(body);
  const proven = staffRenameDeviceSchema.safeParse(body);
  if (proven.success) return proven.data;
  const proofSent = typeof body === 'object' && body !== null && 'signature' in body;
  if (proofSent) throw proven.error;
  throw new HttpError(403, 'forbidden', 'Renaming a PC needs the signature of the staff member who asks.', {
    reason: 'signature-missing',
  });
}

/**
 * A PC's name, so that the device list tells the PCs apart: the PC reads its own; it changes it
 * only with the signed request of a staff member of its facility holding `sync.manage`
 * (authorize-device-rename.ts), each signed request once (409 `rename-replayed` after); the
 * province's admin renames any.
 */
export function registerDeviceNameRoutes(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
  signatures: SignatureChecker,
): void {
  app.get(syncPath(DEVICE_PATH), async (request): Promise<ThisDevice> => {
    const device = await authenticateDevice(request, database);
    const [row] = await database.query<{ name: string }>('SELECT name FROM devices WHERE id = $1', [device.deviceId]);
    return { id: device.deviceId, name: row?.name ?? '', facilityCode: device.facilityCode };
  });

  app.post(syncPath(DEVICE_PATH), async (request): Promise<ThisDevice> => {
    const device = await authenticateDevice(request, database);
    const rename = parseStaffRename(request.body);
    const staff = await loadFacilityStaff(database, facilityScope(device.facilityCode));
    const refusal = await deviceRenameRefusal(signatures, staff, device.deviceId, rename);
    if (refusal) {
      throw new HttpError(403, 'forbidden', `The staff member may not rename this PC (${refusal}).`, {
        reason: refusal,
      });
    }
    const { name } = rename;
    await database.transaction(async (tx) => {
      const used = await tx.query(
        `INSERT INTO device_renames (signature_hash, device_id, name, staff_id, requested_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (signature_hash) DO NOTHING RETURNING signature_hash`,
        [sha256(rename.signature.value), device.deviceId, name, rename.staffId, rename.requestedAt],
      );
      if (used.length === 0)
        throw new HttpError(409, 'rename-replayed', 'This signed rename was used before: sign a new one.');
      await tx.query('UPDATE devices SET name = $2 WHERE id = $1', [device.deviceId, name]);
    });
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
