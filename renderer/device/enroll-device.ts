import type { DeviceCredential } from '../../shared/client-config';
import { ENROLL_PATH, enrollResponseSchema } from '../../shared/sync/enrollment';
import { requestJson } from '../sync/sync-http';

/** Exchanges an enrollment code for this device's credential. */
export async function enrollDevice(serverUrl: string, code: string, deviceName: string): Promise<DeviceCredential> {
  const response = await requestJson<unknown>(new URL(ENROLL_PATH, serverUrl), {
    method: 'POST',
    body: { code, deviceName },
  });
  return { ...enrollResponseSchema.parse(response), serverUrl };
}
