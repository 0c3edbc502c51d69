import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../renderer/sync/sync-status';
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
});
