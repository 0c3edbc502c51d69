import { deviceTagOf } from '../../shared/identifiers/device-tag';
import type { EnrollResponse } from '../../shared/sync/enrollment';
import { newDeviceSecret } from '../auth/device-token';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';

/**
 * How long after its first use a request id still re-issues its device's credential: long enough
 * for an installer to get the link back, short enough that an old request id is worth nothing.
 */
const REPLAY_WINDOW_HOURS = 24;

/**
 * Records that `requestId` enrolls `deviceId`, before the code is used. True when this request
 * is the first with that id; false when an earlier one holds it, and the caller replays. A
 * concurrent retry of the same request waits here until the first one commits or rolls back,
 * so the two never race for a one-time code.
 */
export async function claimEnrollmentRequest(
  tx: SqlExecutor,
  claim: { requestId: string; codeHash: string; deviceId: string },
): Promise<boolean> {
  const claimed = await tx.query(
    `INSERT INTO enrollment_requests (request_id, code_hash, device_id) VALUES ($1, $2, $3)
     ON CONFLICT (request_id) DO NOTHING RETURNING request_id`,
    [claim.requestId, claim.codeHash, claim.deviceId],
  );
  return claimed.length > 0;
}

/**
 * Answers a retried enrollment whose first answer was lost: the device that request created
 * gets a new secret (which voids the one nobody received) and the same device id, and the code
 * is not used again.
 */
export async function replayEnrollment(tx: SqlExecutor, requestId: string, codeHash: string): Promise<EnrollResponse> {
  const [earlier] = await tx.query<{
    code_hash: string;
    device_id: string;
    in_window: boolean;
    revoked: boolean;
    facility_code: string;
    name: string;
    province_code: string;
    tag: number;
  }>(
    `SELECT r.code_hash, r.device_id, r.created_at > now() - make_interval(hours => $2) AS in_window,
            d.revoked_at IS NOT NULL AS revoked, d.facility_code, f.name, f.province_code, d.tag
     FROM enrollment_requests AS r
     JOIN devices AS d ON d.id = r.device_id
     JOIN facilities AS f ON f.code = d.facility_code
     WHERE r.request_id = $1
     FOR UPDATE OF r`,
    [requestId, REPLAY_WINDOW_HOURS],
  );
  // A client reuses request ids only for retries of one attempt: another code means a bug.
  if (earlier && earlier.code_hash !== codeHash)
    throw new HttpError(409, 'enrollment-request-reused', 'This request id was already used with another code.');
  if (!earlier?.in_window)
    throw new HttpError(401, 'enrollment-code-invalid', 'The enrollment code is unknown, used or expired.');
  if (earlier.revoked) throw new HttpError(401, 'device-revoked', 'This device has been revoked.');
  const { token, tokenHash } = newDeviceSecret(earlier.device_id);
  await tx.query('UPDATE devices SET token_hash = $2 WHERE id = $1', [earlier.device_id, tokenHash]);
  return {
    deviceId: earlier.device_id,
    token,
    facility: { code: earlier.facility_code, name: earlier.name, provinceCode: earlier.province_code },
    deviceTag: deviceTagOf(earlier.tag),
  };
}
