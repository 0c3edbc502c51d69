import type { DeviceCredential } from '../../shared/client-config';
import { ENROLL_PATH, enrollResponseSchema } from '../../shared/sync/enrollment';
import { checkServerUrl } from '../../shared/sync/server-url';
import { requestJson, SyncRequestError } from '../sync/sync-http';

/** Exchanges an enrollment code for this device's credential. */
export async function enrollDevice(
  serverUrl: string,
  code: string,
  deviceName: string,
  allowInsecureHosts: readonly string[] = [],
): Promise<DeviceCredential> {
  const problem = checkServerUrl(serverUrl, allowInsecureHosts);
  if (problem) throw new SyncRequestError(0, problem, `Refusing to send a credential to ${serverUrl}.`);
  const response = await requestJson<unknown>(new URL(ENROLL_PATH, serverUrl), {
    method: 'POST',
    body: { code, deviceName },
  });
  return { ...enrollResponseSchema.parse(response), serverUrl };
}
