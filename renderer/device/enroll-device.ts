import { v4 as uuidv4 } from 'uuid';
import type { DeviceCredential } from '../../shared/client-config';
import { ENROLL_PATH, enrollResponseSchema } from '../../shared/sync/enrollment';
import { checkServerUrl } from '../../shared/sync/server-url';
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
 * Exchanges an enrollment code for this device's credential. Sent again with the same request
 * id, the server re-issues the credential of the device it already created.
 */
export async function enrollDevice(
  attempt: EnrollmentAttempt,
  allowInsecureHosts: readonly string[] = [],
): Promise<DeviceCredential> {
  const { serverUrl, code, deviceName, requestId } = attempt;
  const problem = checkServerUrl(serverUrl, allowInsecureHosts);
  if (problem) throw new SyncRequestError(0, problem, `Refusing to send a credential to ${serverUrl}.`);
  const response = await requestJson<unknown>(new URL(ENROLL_PATH, serverUrl), {
    method: 'POST',
    body: { code, deviceName, requestId },
  });
  return { ...enrollResponseSchema.parse(response), serverUrl };
}
