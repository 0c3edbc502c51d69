import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  enrollDevice,
  newEnrollmentRequestId,
  nextEnrollmentAttempt,
  type EnrollmentAttempt,
} from '../../renderer/device/enroll-device';
import { SyncNetworkError } from '../../renderer/sync/sync-http';
import { DEMO_ENROLLMENT_CODE } from '../../server/demo/demo-facility';
import { ensureEnrollmentCode } from '../../server/facilities/facilities';
import { ENROLL_PATH } from '../../shared/sync/enrollment';
import { syncPath } from '../../shared/sync/protocol';
import { enroll } from '../helpers/enroll';
import { FaultProxy, PERFECT_LINK } from '../helpers/fault-proxy';
import { TEST_ADMIN_SESSION } from '../helpers/test-admin';
import { TestServer } from '../helpers/test-server';

const ONE_TIME_CODE = 'K7QM-2XRD-9VTB';

describe('enrollment retried after a lost answer', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
    // As the admin API issues them: one use, valid 7 days.
    await ensureEnrollmentCode(server.database, ONE_TIME_CODE, '10010', 1, 7);
  });
  afterEach(async () => {
    await server.close();
  });

  const postEnroll = async (body: object): Promise<{ status: number; body: unknown }> => {
    const response = await fetch(`${server.url}${ENROLL_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ deviceName: 'reception', ...body }),
    });
    return { status: response.status, body: await response.json() };
  };
  const pullStatus = async (token: string): Promise<number> =>
    (await fetch(`${server.url}${syncPath('patients', 'pull')}`, { headers: { authorization: `Bearer ${token}` } }))
      .status;
  const facilityDevices = async (): Promise<string[]> =>
    (
      await server.database.query<{ id: string }>(`SELECT id FROM devices WHERE facility_code = '10010' ORDER BY id`)
    ).map((row) => row.id);

  it('gives the same request the same device with a new credential, and spends a one-time code once', async () => {
    const requestId = randomUUID();
    const first = await enroll(server.url, 'reception', ONE_TIME_CODE, requestId);
    const again = await enroll(server.url, 'reception', ONE_TIME_CODE.toLowerCase(), requestId);
    expect(again.deviceId).toBe(first.deviceId);
    expect(again.token).not.toBe(first.token);
    expect(again.facility).toEqual(first.facility);
    // The secret nobody received is void; the re-issued one syncs.
    expect(await pullStatus(first.token)).toBe(401);
    expect(await pullStatus(again.token)).toBe(200);

    const otherRequest = await postEnroll({ code: ONE_TIME_CODE, requestId: randomUUID() });
    expect(otherRequest).toMatchObject({ status: 401, body: { code: 'enrollment-code-invalid' } });
    const otherCode = await postEnroll({ code: DEMO_ENROLLMENT_CODE, requestId });
    expect(otherCode).toMatchObject({ status: 409, body: { code: 'enrollment-request-reused' } });
    expect(await facilityDevices()).toEqual([first.deviceId]);
  });

  it('serves copies of one request that arrive together as one enrollment', async () => {
    const requestId = randomUUID();
    const answers = await Promise.all(Array.from({ length: 4 }, () => postEnroll({ code: ONE_TIME_CODE, requestId })));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const devices = await facilityDevices();
    expect(devices).toHaveLength(1);
    expect(answers.map((answer) => (answer.body as { deviceId: string }).deviceId)).toEqual(
      Array.from({ length: 4 }, () => devices[0]),
    );
  });

  it('keeps a request id free when its code was refused', async () => {
    const requestId = randomUUID();
    expect(await postEnroll({ code: 'WRONG-CODE', requestId })).toMatchObject({
      status: 401,
      body: { code: 'enrollment-code-invalid' },
    });
    const enrolled = await enroll(server.url, 'reception', ONE_TIME_CODE, requestId);
    expect(await facilityDevices()).toEqual([enrolled.deviceId]);
  });

  it('re-issues nothing to a revoked device, nor after the replay window', async () => {
    const revokedRequest = randomUUID();
    const revoked = await enroll(server.url, 'stolen-laptop', DEMO_ENROLLMENT_CODE, revokedRequest);
    const revocation = await fetch(`${server.url}/admin/v1/devices/${revoked.deviceId}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TEST_ADMIN_SESSION}` },
    });
    expect(revocation.status).toBe(200);
    expect(await postEnroll({ code: DEMO_ENROLLMENT_CODE, requestId: revokedRequest })).toMatchObject({
      status: 401,
      body: { code: 'device-revoked' },
    });

    const oldRequest = randomUUID();
    const old = await enroll(server.url, 'reception', ONE_TIME_CODE, oldRequest);
    await server.database.query(
      `UPDATE enrollment_requests SET created_at = now() - interval '25 hours' WHERE request_id = $1`,
      [oldRequest],
    );
    expect(await postEnroll({ code: ONE_TIME_CODE, requestId: oldRequest })).toMatchObject({
      status: 401,
      body: { code: 'enrollment-code-invalid' },
    });
    // The refused replay changed nothing: the device keeps its credential.
    expect(await pullStatus(old.token)).toBe(200);
  });

  describe('through a link that drops answers', () => {
    let proxy: FaultProxy;

    beforeEach(async () => {
      proxy = new FaultProxy(() => Number(new URL(server.url).port), PERFECT_LINK);
      await proxy.start();
    });
    afterEach(async () => {
      await proxy.stop();
    });

    it('enrolls one device when the first answer is lost after the server created it', async () => {
      proxy.cutNextResponses(1);
      const credential = await enrollDevice({
        serverUrl: proxy.url,
        code: ONE_TIME_CODE,
        deviceName: 'reception',
        requestId: newEnrollmentRequestId(),
      });
      expect(proxy.stats.cuts).toBe(1);
      expect(await facilityDevices()).toEqual([credential.deviceId]);
      expect(await pullStatus(credential.token)).toBe(200);
    });

    it('enrolls one device when the installer presses the button again after every retry was lost', async () => {
      const typed = { serverUrl: proxy.url, code: ONE_TIME_CODE, deviceName: 'reception' };
      proxy.cutNextResponses(Number.MAX_SAFE_INTEGER);
      const attempt: EnrollmentAttempt = nextEnrollmentAttempt(undefined, typed);
      await expect(enrollDevice(attempt)).rejects.toBeInstanceOf(SyncNetworkError);
      // The server acted on every one of those requests; only the answers were lost.
      const [created] = await facilityDevices();
      expect(created).toBeDefined();

      proxy.cutNextResponses(0);
      const again = nextEnrollmentAttempt(attempt, { ...typed, code: ` ${ONE_TIME_CODE.toLowerCase()} ` });
      expect(again.requestId).toBe(attempt.requestId);
      const credential = await enrollDevice(again);
      expect(credential.deviceId).toBe(created);
      expect(await facilityDevices()).toEqual([created]);
      expect(await pullStatus(credential.token)).toBe(200);
    });
  });
});
