import type { FastifyRequest } from 'fastify';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import { parseDeviceToken, secretMatches } from './device-token';
import { requestCaches, type DeviceRow } from './request-caches';

export interface AuthenticatedDevice {
  deviceId: string;
  facilityCode: string;
  /** The facility's province: whose province-wide feeds (catalogs) the device reads. */
  provinceCode: string;
}

/** Resolves the device behind `Authorization: Bearer <token>`, or refuses with 401. */
export async function authenticateDevice(request: FastifyRequest, database: SqlExecutor): Promise<AuthenticatedDevice> {
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer '))
    throw new HttpError(401, 'missing-credential', 'A device credential is required.');
  const parsed = parseDeviceToken(header.slice('Bearer '.length).trim());
  if (!parsed) throw new HttpError(401, 'invalid-credential', 'The device credential is not valid.');

  // A cached row that does not match the secret is read again: the device may have a new one.
  const caches = requestCaches(database);
  let device = await lookUpDevice(database, parsed.deviceId);
  if (caches && device && !secretMatches(parsed.secret, device.token_hash)) {
    caches.devices.invalidate(parsed.deviceId);
    device = await lookUpDevice(database, parsed.deviceId);
  }
  if (!device || !secretMatches(parsed.secret, device.token_hash)) {
    throw new HttpError(401, 'invalid-credential', 'The device credential is not valid.');
  }
  if (device.revoked) throw new HttpError(401, 'device-revoked', 'This device has been revoked.');
  return { deviceId: parsed.deviceId, facilityCode: device.facility_code, provinceCode: device.province_code };
}

/**
 * The device row, from this process's cache when the server started one (request-caches.ts):
 * only live devices are kept, and a revocation's NOTIFY drops the row at once, on every server
 * process of the database.
 */
async function lookUpDevice(database: SqlExecutor, deviceId: string): Promise<DeviceRow | undefined> {
  const read = async (): Promise<DeviceRow | undefined> => {
    const [row] = await database.query<DeviceRow>(
      `SELECT d.facility_code, f.province_code, d.token_hash, d.revoked_at IS NOT NULL AS revoked
       FROM devices d JOIN facilities f ON f.code = d.facility_code WHERE d.id = $1`,
      [deviceId],
    );
    return row;
  };
  const caches = requestCaches(database);
  return caches ? caches.devices.get(deviceId, read, (row) => row !== undefined && !row.revoked) : read();
}
