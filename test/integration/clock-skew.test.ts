import { describe, expect, it } from 'vitest';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { IsolatedClient } from '../helpers/isolated-client';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A day at two PCs: both register patients offline, both edit the same patient's phone, one
 * deletes a patient, the first reconnects first. Returns everything that matters of the end
 * state, leaving out the times the devices recorded (they are data from the device clocks).
 */
async function runDay(skewA: number, skewB: number): Promise<unknown> {
  const server = await TestServer.start();
  const clientA = await IsolatedClient.open(server.url, await server.enroll('a'), { clockSkewMs: skewA });
  const clientB = await IsolatedClient.open(server.url, await server.enroll('b'), { clockSkewMs: skewB });
  try {
    const registered: PatientDocument[] = [];
    for (let n = 0; n < 3; n++) {
      const result = await clientA.patients.register(numberedRegistrationForm('A', n));
      if (result.ok) registered.push(result.patient);
    }
    for (let n = 0; n < 2; n++) await clientB.patients.register(numberedRegistrationForm('B', 10 + n));
    const [shared, doomed] = registered;
    if (!shared || !doomed) throw new Error('fixture');
    for (const client of [clientA, clientB]) await client.goOnline();
    for (const client of [clientA, clientB]) {
      await waitFor(
        async () => (await client.database.patients.count().exec()) === 5 && (await client.outbox.count()) === 0,
        'synced',
      );
      await client.goOffline();
    }

    await clientA.patients.update(shared.id, { phone: '0933333333' });
    await clientB.patients.update(shared.id, { phone: '0944444444' });
    await clientB.patients.remove(doomed.id);
    await clientA.goOnline();
    await waitFor(async () => (await clientA.outbox.count()) === 0, 'A sent');
    await clientB.goOnline();
    await waitFor(async () => (await clientB.outbox.count()) === 0, 'B sent');

    const documents = await server.database.query<{ body: PatientDocument; deleted: boolean }>(
      `SELECT body, deleted FROM sync_documents WHERE collection = 'patients' ORDER BY body->>'givenName'`,
    );
    const conflicts = await server.database.query<{ field: string; master_value: unknown; losing_value: unknown }>(
      `SELECT field, master_value, losing_value FROM sync_conflicts ORDER BY field`,
    );
    return {
      documents: documents.map(({ body, deleted }) => ({ name: body.givenName, phone: body.phone, deleted })),
      conflicts,
    };
  } finally {
    await clientA.close();
    await clientB.close();
    await server.close();
  }
}

describe('device clocks that lie', () => {
  it('end in exactly the state correct clocks give, when one PC is 3 days fast and the other 3 days slow', async () => {
    const correct = await runDay(0, 0);
    expect(await runDay(3 * DAY_MS, -3 * DAY_MS)).toEqual(correct);
    expect(await runDay(-3 * DAY_MS, 3 * DAY_MS)).toEqual(correct);
    expect(correct).toMatchObject({
      conflicts: [{ field: 'phone', master_value: '0933333333', losing_value: '0944444444' }],
    });
  });
});
