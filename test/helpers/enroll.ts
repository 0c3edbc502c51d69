import { randomUUID } from 'node:crypto';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { ENROLL_PATH, type EnrollResponse } from '../../shared/sync/enrollment';

/**
 * Enrolls a device with the server at `serverUrl` (the demo facility's code by default), as a
 * new enrollment attempt unless given the request id of an earlier one.
 */
export async function enroll(
  serverUrl: string,
  deviceName: string,
  code = DEMO_ENROLLMENT_CODE,
  requestId: string = randomUUID(),
): Promise<EnrollResponse> {
  const response = await fetch(`${serverUrl}${ENROLL_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName, requestId }),
  });
  if (!response.ok) throw new Error(`enrollment failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as EnrollResponse;
}
