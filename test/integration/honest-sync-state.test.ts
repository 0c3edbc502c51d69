import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientAccessRecord } from '../../server/audit/audit-routes';
import type { DeviceRecord } from '../../server/admin/device-routes';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import type { SyncStatus } from '../../renderer/sync/sync-status';
import { adminRequest } from '../helpers/admin-requests';
import { IsolatedClient } from '../helpers/isolated-client';
import { validRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

describe('what the status bar counts, through an outage', () => {
  let server: TestServer;
  const clients: IsolatedClient[] = [];
  let status: SyncStatus | undefined;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.close();
  });

  const storedAudit = async (): Promise<string[]> =>
    (await server.database.query<{ action: string }>('SELECT action FROM audit_entries ORDER BY seq')).map(
      (row) => row.action,
    );

  it('counts the audit entries written offline as unsent, and pushes them when the link is back', async () => {
    const client = await IsolatedClient.open(server.url, await server.enroll('reception'), { audit: true });
    clients.push(client);
    client.sync.status$.subscribe((value) => (status = value));
    await client.goOnline();
    await waitFor(() => status?.online === true, 'online');

    await server.stop();
    const registered = await client.patients.register(validRegistrationForm());
    expect(registered.ok).toBe(true);
    await waitFor(() => status?.online === false, 'the outage is seen');
    // The patient and its audit entry, each counted as still to send.
    await waitFor(() => status?.unsent === 1 && status.unsentAudit === 1, 'a record and an audit entry unsent');

    await server.restart();
    await waitFor(async () => (await storedAudit()).length === 1, 'the audit entry reached the server', 20_000);
    expect(await storedAudit()).toEqual(['patient-create']);
    await waitFor(() => status?.unsent === 0 && status.unsentAudit === 0, 'nothing left to send');
  });

  it('names the user of every audit entry, finds a patient by code, and answers in ISO 8601', async () => {
    const client = await IsolatedClient.open(server.url, await server.enroll('reception'), { audit: true });
    clients.push(client);
    await client.goOnline();
    // The facility's accounts reach the PC with the first sync, as before any login.
    await waitFor(async () => (await client.staff.roles(DEMO_STAFF.registrar.id)) !== undefined, 'accounts synced');
    const registered = await client.patients.register(validRegistrationForm());
    if (!registered.ok) throw new Error('registration failed');
    const { id, patientCode } = registered.patient;
    await waitFor(async () => (await storedAudit()).length === 1, 'the audit entry reached the server');

    // Typed as printed in groups, in lower case, or as stored: the same patient.
    const grouped = `${patientCode.slice(0, 10)}-${patientCode.slice(10)}`.toLowerCase();
    for (const typed of [grouped, patientCode.replace('-', ''), patientCode, id]) {
      const answer = await adminRequest(server.url, 'GET', `/patients/${encodeURIComponent(typed)}/access`);
      const body = answer.body as { patientId: string; access: PatientAccessRecord[] };
      expect(body.patientId).toBe(id);
      expect(body.access.map((record) => [record.action, record.userId, record.username])).toEqual([
        ['patient-create', DEMO_STAFF.registrar.id, 'tiepdon'],
      ]);
      expect(body.access[0]?.receivedAt).toMatch(ISO_8601);
    }

    const devices = (await adminRequest(server.url, 'GET', '/devices')).body as { devices: DeviceRecord[] };
    expect(devices.devices[0]?.createdAt).toMatch(ISO_8601);
    const [device] = devices.devices;
    const revoked = (await adminRequest(server.url, 'POST', `/devices/${String(device?.id)}/revoke`))
      .body as DeviceRecord;
    expect(revoked.revokedAt).toMatch(ISO_8601);
  });
});

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
