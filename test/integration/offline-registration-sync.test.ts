import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IsolatedClient } from '../helpers/isolated-client';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

describe('two clients of one facility registering patients offline', () => {
  let server: TestServer;
  const clients: IsolatedClient[] = [];

  beforeEach(async () => {
    server = await TestServer.start();
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.close();
  });

  it('ends with every patient on both clients and each exactly once on the server', async () => {
    const first = await IsolatedClient.open(server.url, await server.enroll('reception-1'));
    const second = await IsolatedClient.open(server.url, await server.enroll('reception-2'));
    clients.push(first, second);
    await server.stop();
    await first.goOnline();
    await second.goOnline();

    for (let n = 0; n < 6; n++) {
      expect((await first.patients.register(numberedRegistrationForm('Một', n))).ok).toBe(true);
      expect((await second.patients.register(numberedRegistrationForm('Hai', 100 + n))).ok).toBe(true);
    }
    expect(await first.outbox.count()).toBe(6);
    expect(await second.outbox.count()).toBe(6);

    await server.restart();
    await waitFor(async () => (await first.database.patients.count().exec()) === 12, 'first client has 12');
    await waitFor(async () => (await second.database.patients.count().exec()) === 12, 'second client has 12');
    await waitFor(async () => (await first.outbox.count()) + (await second.outbox.count()) === 0, 'outboxes empty');

    const rows = await server.database.query<{ id: string; copies: number }>(
      `SELECT id, count(*)::int AS copies FROM sync_documents WHERE collection = 'patients' GROUP BY id`,
    );
    expect(rows).toHaveLength(12);
    expect(rows.every((row) => row.copies === 1)).toBe(true);
    const firstIds = (await first.database.patients.find().exec()).map((document) => document.id).sort();
    const secondIds = (await second.database.patients.find().exec()).map((document) => document.id).sort();
    expect(firstIds).toEqual(rows.map((row) => row.id).sort());
    expect(secondIds).toEqual(firstIds);
  });
});
