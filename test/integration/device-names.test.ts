import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceRecord } from '../../server/admin/device-routes';
import { DEVICE_PATH } from '../../shared/sync/enrollment';
import { syncPath } from '../../shared/sync/protocol';
import { adminRequest } from '../helpers/admin-requests';
import { enroll } from '../helpers/enroll';
import { TestServer } from '../helpers/test-server';

describe('a PC’s name in the device list', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  const deviceNames = async (): Promise<string[]> =>
    ((await adminRequest(server.url, 'GET', '/devices')).body as { devices: DeviceRecord[] }).devices.map(
      (device) => device.name,
    );
  const asDevice = (token: string, method: 'GET' | 'POST', body?: unknown) =>
    fetch(`${server.url}${syncPath(DEVICE_PATH)}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });

  it('is the name typed at enrollment; the PC renames itself, the province renames any', async () => {
    const reception = await enroll(server.url, '  Tiếp đón 1 ');
    const exam = await server.enroll('Phòng khám 2');
    expect(await deviceNames()).toEqual(['Tiếp đón 1', 'Phòng khám 2']);

    expect(await (await asDevice(reception.token, 'GET')).json()).toEqual({
      id: reception.deviceId,
      name: 'Tiếp đón 1',
      facilityCode: reception.facility.code,
    });
    const renamed = await asDevice(reception.token, 'POST', { name: 'Tiếp đón 3' });
    expect(renamed.status).toBe(200);
    expect(await deviceNames()).toEqual(['Tiếp đón 3', 'Phòng khám 2']);
    // A blank name tells no PC apart: refused, nothing changed.
    expect((await asDevice(reception.token, 'POST', { name: '   ' })).status).toBe(400);

    const patched = await adminRequest(server.url, 'PATCH', `/devices/${exam.deviceId}`, { name: 'Phòng khám 1' });
    expect(patched.body).toMatchObject({ id: exam.deviceId, name: 'Phòng khám 1' });
    expect(await deviceNames()).toEqual(['Tiếp đón 3', 'Phòng khám 1']);
    expect((await adminRequest(server.url, 'PATCH', `/devices/${exam.deviceId}`, { name: 'x' }, null)).status).toBe(
      401,
    );
    expect((await asDevice('not-a-token', 'GET')).status).toBe(401);
  });
});
