import type { FastifyRequest } from 'fastify';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import { parseDeviceToken, secretMatches } from './device-token';

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

  const [device] = await database.query<{
    facility_code: string;
    province_code: string;
    token_hash: string;
    revoked: boolean;
  }>(
    `SELECT d.facility_code, f.province_code, d.token_hash, d.revoked_at IS NOT NULL AS revoked
     FROM devices d JOIN facilities f ON f.code = d.facility_code WHERE d.id = $1`,
    [parsed.deviceId],
  );
  if (!device || !secretMatches(parsed.secret, device.token_hash)) {
    throw new HttpError(401, 'invalid-credential', 'The device credential is not valid.');
  }
  if (device.revoked) throw new HttpError(401, 'device-revoked', 'This device has been revoked.');
  return { deviceId: parsed.deviceId, facilityCode: device.facility_code, provinceCode: device.province_code };
}
