import type { FastifyInstance } from 'fastify';
import {
  ENROLL_PATH,
  enrollRequestSchema,
  normalizeEnrollmentCode,
  type EnrollResponse,
} from '../../shared/sync/enrollment';
import { newDeviceToken, sha256 } from '../auth/device-token';
import type { Database, SqlExecutor } from '../db/database';
import { DEVICE_TAG_LIMIT, deviceTagOf } from '../../shared/identifiers/device-tag';
import { HttpError } from '../http/http-error';
import { claimEnrollmentRequest, replayEnrollment } from './enrollment-requests';

/**
 * Turns an enrollment code issued for a facility into a device credential. The code is used
 * up atomically with the device's creation, so a one-time code enrolls exactly one device; a
 * retry of the same request (same request id) gets that device back rather than a refusal.
 */
/**
 * The next free tag of the facility. The facility's row is locked first, so two PCs enrolling
 * at once take turns instead of both reading the same highest tag.
 */
async function nextDeviceTag(tx: SqlExecutor, facilityCode: string): Promise<number> {
  await tx.query('SELECT 1 FROM facilities WHERE code = $1 FOR UPDATE', [facilityCode]);
  const [row] = await tx.query<{ next: number }>(
    'SELECT coalesce(max(tag) + 1, 0)::int AS next FROM devices WHERE facility_code = $1',
    [facilityCode],
  );
  const next = row?.next ?? 0;
  if (next >= DEVICE_TAG_LIMIT)
    throw new HttpError(
      409,
      'invalid-request',
      `Facility ${facilityCode} has enrolled ${String(DEVICE_TAG_LIMIT)} PCs.`,
    );
  return next;
}

export function registerEnrollmentRoutes(app: FastifyInstance, database: Database): void {
  app.post(ENROLL_PATH, async (request): Promise<EnrollResponse> => {
    const { code, deviceName, requestId } = enrollRequestSchema.parse(request.body);
    const codeHash = sha256(normalizeEnrollmentCode(code));
    return database.transaction(async (tx) => {
      const { deviceId, token, tokenHash } = newDeviceToken();
      if (!(await claimEnrollmentRequest(tx, { requestId, codeHash, deviceId })))
        return replayEnrollment(tx, requestId, codeHash);
      const [enrollment] = await tx.query<{
        facility_code: string;
        name: string;
        province_code: string;
        deactivated: boolean;
      }>(
        `UPDATE enrollment_codes AS e SET uses_left = CASE WHEN uses_left IS NULL THEN NULL ELSE uses_left - 1 END
         FROM facilities AS f
         WHERE e.code_hash = $1 AND f.code = e.facility_code
           AND (e.uses_left IS NULL OR e.uses_left > 0) AND (e.expires_at IS NULL OR e.expires_at > now())
         RETURNING e.facility_code, f.name, f.province_code, f.deactivated_at IS NOT NULL AS deactivated`,
        [codeHash],
      );
      // Rolls the claim back with the transaction: the request id stays free for a valid code.
      if (!enrollment)
        throw new HttpError(401, 'enrollment-code-invalid', 'The enrollment code is unknown, used or expired.');
      // A deactivated facility enrolls no PC; the code is left as it was (the transaction rolls back).
      if (enrollment.deactivated)
        throw new HttpError(403, 'facility-inactive', `Facility ${enrollment.facility_code} is deactivated.`);
      const tag = await nextDeviceTag(tx, enrollment.facility_code);
      await tx.query('INSERT INTO devices (id, facility_code, name, token_hash, tag) VALUES ($1, $2, $3, $4, $5)', [
        deviceId,
        enrollment.facility_code,
        deviceName,
        tokenHash,
        tag,
      ]);
      return {
        deviceId,
        token,
        facility: { code: enrollment.facility_code, name: enrollment.name, provinceCode: enrollment.province_code },
        deviceTag: deviceTagOf(tag),
      };
    });
  });
}
