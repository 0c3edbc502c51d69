import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enroll } from '../helpers/enroll';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { ServerProcess } from '../helpers/server-process';
import { IsolatedClient } from '../helpers/isolated-client';
import { createPostgresTestDatabase } from '../helpers/test-database';
import { waitFor } from '../helpers/wait-for';
import { pullEverything } from './pull-everything';

const PER_CLIENT = 300;

describe('the server process killed in the middle of pushes', () => {
  let server: ServerProcess;
  let dropDatabase: () => Promise<void> = () => Promise.resolve();
  const clients: IsolatedClient[] = [];

  beforeEach(async () => {
    const postgres = process.env.SEN_TEST_DATABASE_URL;
    const database = postgres ? await createPostgresTestDatabase(postgres) : undefined;
    if (database) dropDatabase = database.drop;
    server = await ServerProcess.start(database?.url);
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.stop();
    await dropDatabase();
  });

  it('ends with every document on both clients and exactly once on the server', async () => {
    const reception = await IsolatedClient.open(server.url, await enroll(server.url, 'reception'));
    const examRoom = await IsolatedClient.open(server.url, await enroll(server.url, 'exam-room'));
    clients.push(reception, examRoom);
    await reception.goOnline();
    await examRoom.goOnline();

    const kills: Promise<void>[] = [];
    for (let n = 0; n < PER_CLIENT; n++) {
      await reception.patients.register(numberedRegistrationForm('Tiếp đón', n));
      await examRoom.patients.register(numberedRegistrationForm('Khám', 10_000 + n));
      // SIGKILL twice while both clients are pushing, and start again at once.
      if (n === 60 || n === 180) kills.push(server.kill().then(() => server.restart()));
    }
    await Promise.all(kills);

    for (const client of [reception, examRoom]) {
      await waitFor(
        async () =>
          (await client.outbox.count()) === 0 && (await client.database.patients.count().exec()) === 2 * PER_CLIENT,
        'the client holds everything and has sent everything',
        120_000,
      );
    }
    const ids = await pullEverything(server.url);
    expect(ids).toHaveLength(2 * PER_CLIENT);
    expect(new Set(ids).size).toBe(2 * PER_CLIENT);
  });
});
