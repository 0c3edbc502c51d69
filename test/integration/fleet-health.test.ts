import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FleetDevice } from '../../server/fleet/fleet-list';
import { APP_VERSION } from '../../shared/app-version';
import { DEVICE_REPORT_HEADER } from '../../shared/sync/device-report';
import { syncPath } from '../../shared/sync/protocol';
import type { SyncStatus } from '../../renderer/sync/sync-status';
import { adminRequest } from '../helpers/admin-requests';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const HOUR_MS = 3_600_000;

interface FleetPage {
  devices: FleetDevice[];
  nextCursor: string | null;
}

describe('fleet health: what each PC last did and reported, as the province sees it', () => {
  let server: TestServer;
  // The server's clock, moved by the test: states follow it, never the PCs' clocks.
  let serverNow: Date;
  const clients: IsolatedClient[] = [];

  beforeEach(async () => {
    serverNow = new Date('2026-12-03T08:00:00.000Z');
    server = await TestServer.start({ clock: () => serverNow });
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.close();
  });

  const fleet = async (query = ''): Promise<FleetPage> => {
    const response = await adminRequest(server.url, 'GET', `/fleet${query}`);
    expect(response.status).toBe(200);
    return response.body as FleetPage;
  };
  const summary = async (query = '') => {
    const response = await adminRequest(server.url, 'GET', `/fleet/summary${query}`);
    expect(response.status).toBe(200);
    return response.body as { total: number; byState: Record<string, number>; byVersion: unknown[] };
  };
  const fleetDevice = async (id: string): Promise<FleetDevice | undefined> =>
    (await fleet('?limit=500')).devices.find((device) => device.id === id);

  it('shows the backlog, quarantine and version a PC reports with its sync, and late, silent, revoked by the server clock', async () => {
    const enrollment = await server.enroll('Tiếp đón 1');
    const reception = await IsolatedClient.open(server.url, enrollment);
    clients.push(reception);
    let status: SyncStatus | undefined;
    reception.sync.status$.subscribe((value) => (status = value));

    // Never heard from: counted from its enrollment, nothing reported.
    expect(await fleetDevice(enrollment.deviceId)).toMatchObject({
      name: 'Tiếp đón 1',
      facilityCode: '10010',
      appVersion: null,
      backlog: null,
      lastPullAt: null,
      state: 'ok',
    });

    const registered = await reception.patients.register(validRegistrationForm({ cccd: '' }));
    if (!registered.ok) throw new Error('fixture');
    await reception.goOnline();
    await waitFor(async () => (await reception.outbox.count()) === 0, 'the patient is sent');
    // An edit the server refuses (a CCCD that says male for a woman): held on the PC, unsent.
    await reception.patients.writeUnchecked(registered.patient.id, { cccd: '001090012345' });
    await waitFor(() => status?.quarantined === 1, 'the edit is held');
    // Sent again and refused again: the PC's next request carries what it holds now.
    await reception.sync.resend('patients', registered.patient.id);
    await waitFor(async () => {
      const device = await fleetDevice(enrollment.deviceId);
      return device?.quarantined === 1 && device.backlog === status?.unsent;
    }, 'the fleet shows what the PC reported');

    const reported = await fleetDevice(enrollment.deviceId);
    expect(reported).toMatchObject({
      appVersion: APP_VERSION,
      quarantined: 1,
      firstSync: null,
      lastPullAt: serverNow.toISOString(),
      lastPushAt: serverNow.toISOString(),
      lastContactAt: serverNow.toISOString(),
      state: 'ok',
      facilityName: expect.any(String) as string,
    });
    expect(reported?.backlog).toBeGreaterThanOrEqual(1);

    // The PC goes off the network; the province's clock moves on.
    await reception.goOffline();
    serverNow = new Date(serverNow.getTime() + 2 * HOUR_MS);
    expect((await fleetDevice(enrollment.deviceId))?.state).toBe('late');
    expect((await fleet('?state=late')).devices.map((device) => device.id)).toEqual([enrollment.deviceId]);
    expect((await fleet('?state=ok')).devices).toEqual([]);
    // The counts by the same rule, without walking the list.
    expect(await summary('?facility=10010')).toMatchObject({
      total: 1,
      byState: { ok: 0, late: 1, silent: 0, revoked: 0 },
      byVersion: [{ version: reported?.appVersion, count: 1 }],
    });

    serverNow = new Date(serverNow.getTime() + 23 * HOUR_MS);
    expect((await fleetDevice(enrollment.deviceId))?.state).toBe('silent');
    expect((await fleet('?state=silent')).devices.map((device) => device.id)).toEqual([enrollment.deviceId]);
    const overview = await adminRequest(server.url, 'GET', '/facilities/10010/overview');
    expect(overview.status).toBe(200);
    expect(overview.body).toMatchObject({
      facility: { code: '10010' },
      openProblems: { silentDevices: 1, unresolvedConflicts: 0, unacknowledgedAuditAlerts: 0 },
    });
    expect((overview.body as { staff: { active: number } }).staff.active).toBeGreaterThan(0);

    // Back online: ok again at once, with the server's time of that sync.
    await reception.goOnline();
    await waitFor(
      async () => (await fleetDevice(enrollment.deviceId))?.lastPullAt === serverNow.toISOString(),
      'the PC pulled again',
    );
    expect((await fleetDevice(enrollment.deviceId))?.state).toBe('ok');

    expect((await adminRequest(server.url, 'POST', `/devices/${enrollment.deviceId}/revoke`)).status).toBe(200);
    expect((await fleetDevice(enrollment.deviceId))?.state).toBe('revoked');
    expect((await fleet('?state=revoked')).devices.map((device) => device.id)).toEqual([enrollment.deviceId]);
    expect(await summary()).toMatchObject({ total: 1, byState: { revoked: 1, ok: 0 }, byVersion: [] });
    expect((await adminRequest(server.url, 'GET', '/fleet/summary?facility=abc')).status).toBe(400);
  });

  it('keeps an older client without the report working, and refuses a malformed report', async () => {
    const old = await server.enroll('old-app');
    const pull = (headers: Record<string, string>) =>
      fetch(`${server.url}${syncPath('patients', 'pull')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${old.token}`, 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ checkpoint: null, limit: 10 }),
      });
    expect((await pull({})).status).toBe(200);
    expect(await fleetDevice(old.deviceId)).toMatchObject({
      lastPullAt: serverNow.toISOString(),
      appVersion: null,
      backlog: null,
      state: 'ok',
    });
    const malformed = await pull({ [DEVICE_REPORT_HEADER]: '{"backlog":-1}' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: 'invalid-request' });
  });

  it('pages on the server with a keyset cursor, sorted and filtered by facility', async () => {
    const names = ['Xét nghiệm', 'Tiếp đón 2', 'Dược', 'Phòng khám 1', 'Tiếp đón 1'];
    const ids = new Map<string, string>();
    for (const name of names) ids.set((await server.enroll(name)).deviceId, name);

    for (const sort of ['name', '-name', 'lastContact', '-backlog']) {
      const seen: FleetDevice[] = [];
      let cursor: string | null = null;
      do {
        const page = await fleet(`?facility=10010&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.devices.length).toBeLessThanOrEqual(2);
        seen.push(...page.devices);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen.map((device) => device.id).sort(), sort).toEqual([...ids.keys()].sort());
      if (sort === 'name') expect(seen.map((device) => device.name)).toEqual([...names].sort(byDatabaseOrder(seen)));
    }
    const descending = (await fleet('?sort=-name&limit=500')).devices.map((device) => device.name);
    const ascending = (await fleet('?sort=name&limit=500')).devices.map((device) => device.name);
    expect(descending).toEqual([...ascending].reverse());
    expect((await fleet('?facility=99999')).devices).toEqual([]);
    expect((await adminRequest(server.url, 'GET', '/fleet?cursor=garbage')).status).toBe(400);
    expect((await adminRequest(server.url, 'GET', '/fleet?sort=owner')).status).toBe(400);
    expect((await adminRequest(server.url, 'GET', '/fleet', undefined, null)).status).toBe(401);
    expect((await adminRequest(server.url, 'GET', '/facilities/99999/overview')).status).toBe(404);
  });
});

/** The order the database gave (its collation), checked only to be the one `name` sorts by. */
function byDatabaseOrder(seen: FleetDevice[]): (a: string, b: string) => number {
  const order = seen.map((device) => device.name);
  return (a, b) => order.indexOf(a) - order.indexOf(b);
}
