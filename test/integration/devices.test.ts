import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceRecord } from '../../server/admin/device-routes';
import type { SyncStatus } from '../../renderer/sync/sync-status';
import { syncPath } from '../../shared/sync/protocol';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestClient } from '../helpers/test-client';
import { TEST_ADMIN_SESSION } from '../helpers/test-admin';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

describe('devices managed by the provincial sync admin', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  const admin = async (
    method: 'GET' | 'POST',
    path: string,
    token = TEST_ADMIN_SESSION,
  ): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${server.url}/admin/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: await response.json() };
  };

  it('issues one-time enrollment codes that enroll exactly one device', async () => {
    const issued = await admin('POST', '/facilities/10010/enrollment-codes');
    expect(issued.status).toBe(200);
    const { code } = issued.body as { code: string };
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    await server.enroll('exam-room', code.toLowerCase());
    await expect(server.enroll('stranger', code)).rejects.toThrow(/401/);
    expect(await admin('POST', '/facilities/99999/enrollment-codes')).toMatchObject({ status: 404 });
    expect(await admin('POST', '/facilities/10010/enrollment-codes', 'wrong')).toMatchObject({ status: 401 });
  });

  it('stops a revoked device at once, with a clear reason, storing nothing more from it', async () => {
    const enrollment = await server.enroll('stolen-laptop');
    const other = await server.enroll('reception');
    const client = await TestClient.open(server.url, enrollment);
    try {
      await client.goOnline();
      let status: SyncStatus | undefined;
      const subscription = client.sync.status$.subscribe((next) => (status = next));
      await waitFor(() => status?.online === true, 'online');

      const { body } = await admin('GET', '/devices?facility=10010');
      expect((body as { devices: DeviceRecord[] }).devices.map((device) => device.name)).toContain('stolen-laptop');
      const revoked = await admin('POST', `/devices/${enrollment.deviceId}/revoke`);
      expect(revoked.body).toMatchObject({ id: enrollment.deviceId, revokedAt: expect.any(String) as unknown });

      await waitFor(() => status?.problem === 'device-revoked', 'the client names the revocation', 10_000);
      const registered = await client.patients.register(validRegistrationForm());
      expect(registered.ok).toBe(true);
      // Local data stays readable; nothing more reaches the server.
      expect(await client.database.patients.count().exec()).toBe(1);
      const push = await fetch(`${server.url}${syncPath('patients', 'push')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${enrollment.token}`, 'content-type': 'application/json' },
        body: '[]',
      });
      expect(push.status).toBe(401);
      expect(await push.json()).toMatchObject({ code: 'device-revoked' });
      const answeredBefore = server.answered.length;
      // The client, which keeps retrying, did try to send the new patient, and was refused.
      await waitFor(
        () =>
          server.answered
            .slice(answeredBefore)
            .some(
              (answer) =>
                answer.deviceId === enrollment.deviceId &&
                answer.url.endsWith('/patients/push') &&
                answer.status === 401,
            ),
        'the revoked client tried to push and was refused',
      );
      expect(await server.database.query(`SELECT id FROM sync_documents WHERE collection = 'patients'`)).toEqual([]);
      // The facility's other devices carry on.
      const otherPull = await fetch(`${server.url}${syncPath('patients', 'pull')}`, {
        headers: { authorization: `Bearer ${other.token}` },
      });
      expect(otherPull.status).toBe(200);
      subscription.unsubscribe();
    } finally {
      await client.close();
    }
  });
});
