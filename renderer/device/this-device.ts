import type { DeviceCredential } from '../../shared/client-config';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { signedDeviceRename } from '../../shared/sync/device-rename';
import { DEVICE_PATH, type ThisDevice } from '../../shared/sync/enrollment';
import { syncPath } from '../../shared/sync/protocol';
import { requestJson } from '../sync/sync-http';

/** This PC as the provincial server knows it (online only): its id and the name admins see. */
export function fetchThisDevice(device: DeviceCredential): Promise<ThisDevice> {
  return requestJson<ThisDevice>(new URL(syncPath(DEVICE_PATH), device.serverUrl), {
    method: 'GET',
    credential: device.token,
  });
}

/**
 * Renames this PC in the province's device list ("Tiếp đón 1"), signed by the logged-in staff
 * member: the server checks that they hold `sync.manage`.
 */
export async function renameThisDevice(
  device: DeviceCredential,
  name: string,
  signer: DocumentSigner,
): Promise<ThisDevice> {
  return requestJson<ThisDevice>(new URL(syncPath(DEVICE_PATH), device.serverUrl), {
    method: 'POST',
    credential: device.token,
    body: await signedDeviceRename(device.deviceId, name, signer),
  });
}
