import { v4 as uuidv4 } from 'uuid';
import type { DeviceCredential } from '../../shared/client-config';
import { ENROLL_PATH, enrollResponseSchema, normalizeEnrollmentCode } from '../../shared/sync/enrollment';
import { checkServerUrl } from '../../shared/sync/server-url';
import { retryTransient } from '../sync/retry-transient';
import { requestJson, SyncRequestError } from '../sync/sync-http';

/** One enrollment as the installer asked for it: sent again as it is, it enrolls no second device. */
export interface EnrollmentAttempt {
  serverUrl: string;
  code: string;
  deviceName: string;
  /** From newEnrollmentRequestId(), kept for as long as the installer retries this server and code. */
  requestId: string;
}

/**
 * A random id for one enrollment attempt. The uuid package, not crypto.randomUUID: that one is
 * missing from pages served over plain HTTP, which an admin may allow on a district LAN.
 */
export function newEnrollmentRequestId(): string {
  return uuidv4();
}

/**
 * The attempt to send for what the installer typed: the previous one again (same request id)
 * while the server and code are the same, so pressing the button again after a lost answer
 * does not spend a one-time code twice; a new attempt once either changes.
 */
export function nextEnrollmentAttempt(
  previous: EnrollmentAttempt | undefined,
  typed: Omit<EnrollmentAttempt, 'requestId'>,
): EnrollmentAttempt {
  const same =
    previous !== undefined &&
    previous.serverUrl.trim() === typed.serverUrl.trim() &&
    normalizeEnrollmentCode(previous.code) === normalizeEnrollmentCode(typed.code);
  return { ...typed, requestId: same ? previous.requestId : newEnrollmentRequestId() };
}

/**
 * Exchanges an enrollment code for this device's credential. A lost answer is retried with the
 * same request id, so the server re-issues the credential of the device it already created
 * instead of refusing the code it already used.
 */
export async function enrollDevice(
  attempt: EnrollmentAttempt,
  allowInsecureHosts: readonly string[] = [],
): Promise<DeviceCredential> {
  const { serverUrl, code, deviceName, requestId } = attempt;
  const problem = checkServerUrl(serverUrl, allowInsecureHosts);
  if (problem) throw new SyncRequestError(0, problem, `Refusing to send a credential to ${serverUrl}.`);
  const response = await retryTransient(() =>
    requestJson<unknown>(new URL(ENROLL_PATH, serverUrl), {
      method: 'POST',
      body: { code, deviceName, requestId },
    }),
  );
  return { ...enrollResponseSchema.parse(response), serverUrl };
}
