import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceRecord } from '../../server/admin/device-routes';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { signedDeviceRename } from '../../shared/sync/device-rename';
import { DEVICE_PATH } from '../../shared/sync/enrollment';
import { syncPath } from '../../shared/sync/protocol';
import { adminRequest } from '../helpers/admin-requests';
import { enroll } from '../helpers/enroll';
import { demoSigner } from '../helpers/signing';
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
    const renamed = await asDevice(
      reception.token,
      'POST',
      await signedDeviceRename(reception.deviceId, 'Tiếp đón 3', await demoSigner(DEMO_STAFF.admin.id)),
    );
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

  it('is changed from a PC only at the signed request of a staff member holding sync.manage', async () => {
    const reception = await enroll(server.url, 'Tiếp đón 1');
    const refusal = async (body: unknown): Promise<{ status: number; reason: unknown }> => {
      const response = await asDevice(reception.token, 'POST', body);
      const answer = (await response.json()) as { code?: string; details?: { reason?: unknown } };
      expect(answer.code).toBe('forbidden');
      return { status: response.status, reason: answer.details?.reason };
    };

    // The doctor is logged in on the PC and signs: a valid proof, but no sync.manage.
    const byDoctor = await signedDeviceRename(reception.deviceId, 'Máy bác sĩ', await demoSigner(DEMO_STAFF.doctor.id));
    expect(await refusal(byDoctor)).toEqual({ status: 403, reason: 'not-permitted' });
    // The PC's token alone (as before renames were signed) proves no staff member asked.
    expect(await refusal({ name: 'Máy bác sĩ' })).toEqual({ status: 403, reason: 'signature-missing' });
    // An admin's signature names the PC and the name: it renames neither another PC nor to another name.
    const admin = await demoSigner(DEMO_STAFF.admin.id);
    const forOtherName = await signedDeviceRename(reception.deviceId, 'Tiếp đón 2', admin);
    expect(await refusal({ ...forOtherName, name: 'Máy bác sĩ' })).toEqual({
      status: 403,
      reason: 'signature-invalid',
    });
    const forOtherPc = await signedDeviceRename(randomUUID(), 'Máy bác sĩ', admin);
    expect(await refusal(forOtherPc)).toEqual({ status: 403, reason: 'signature-invalid' });
    // Naming the admin while the doctor signs is no proof either.
    expect(await refusal({ ...byDoctor, staffId: DEMO_STAFF.admin.id })).toEqual({
      status: 403,
      reason: 'signature-invalid',
    });
    expect(await deviceNames()).toEqual(['Tiếp đón 1']);

    // The sync admin may.
    const bySyncAdminBody = await signedDeviceRename(
      reception.deviceId,
      'Tiếp đón 2',
      await demoSigner(DEMO_STAFF.syncAdmin.id),
    );
    const bySyncAdmin = await asDevice(reception.token, 'POST', bySyncAdminBody);
    expect(bySyncAdmin.status).toBe(200);
    expect(await deviceNames()).toEqual(['Tiếp đón 2']);

    // A signed request is used once: sent again later, it cannot put its name back.
    const toThree = await signedDeviceRename(
      reception.deviceId,
      'Tiếp đón 3',
      await demoSigner(DEMO_STAFF.syncAdmin.id),
    );
    expect((await asDevice(reception.token, 'POST', toThree)).status).toBe(200);
    const replayed = await asDevice(reception.token, 'POST', bySyncAdminBody);
    expect({ status: replayed.status, code: ((await replayed.json()) as { code?: string }).code }).toEqual({
      status: 409,
      code: 'rename-replayed',
    });
    expect(await deviceNames()).toEqual(['Tiếp đón 3']);
  });
});
