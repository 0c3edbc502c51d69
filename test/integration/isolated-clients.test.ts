import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IsolatedClient } from '../helpers/isolated-client';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

/** The client is planned at ten collections (docs/decisions/0001-collection-plan.md). */
const PLANNED_COLLECTIONS = 10;
/** Open in every client today: patients, staff, audit, encounters, orders, observations, notes,
 *  referrals, catalog, conflicts. */
const BUILT_COLLECTIONS = 10;

describe('three PCs of one facility in one test, each with the whole planned collection set', () => {
  let server: TestServer;
  const clients: IsolatedClient[] = [];

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.close();
  });

  it('runs each in its own worker, past the 13 collections one process may open, and they converge', async () => {
    for (const name of ['reception', 'exam-room', 'lab']) {
      const client = await IsolatedClient.open(server.url, await server.enroll(name), {
        extraCollections: PLANNED_COLLECTIONS - BUILT_COLLECTIONS,
      });
      clients.push(client);
    }
    // 30 open collections in all: more than RxDB's open-source build allows in one process.
    expect(await Promise.all(clients.map((client) => client.openCollections()))).toEqual([10, 10, 10]);

    for (const [n, client] of clients.entries()) {
      expect((await client.patients.register(numberedRegistrationForm('Ba máy', n))).ok).toBe(true);
      await client.goOnline();
    }
    for (const client of clients) {
      await waitFor(
        async () => (await client.database.patients.count().exec()) === 3 && (await client.outbox.count()) === 0,
        'every PC has the three patients and has sent its own',
      );
    }
    const [first, ...others] = await Promise.all(
      clients.map(async (client) => (await client.database.patients.find().exec()).map(({ id }) => id).sort()),
    );
    for (const ids of others) expect(ids).toEqual(first);
  });
});
