import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { enroll } from '../helpers/enroll';
import { patientDocument } from '../helpers/patient-documents';
import { ServerProcess } from '../helpers/server-process';
import { registrarRow } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { openPostgresDatabase } from '../../server/db/postgres-database';
import { createPostgresTestDatabase } from '../helpers/test-database';
import { waitFor } from '../helpers/wait-for';
import { pullEverything } from './pull-everything';

const TERMINATIONS = 5;

// What a failover or a restarted PostgreSQL does to the server's connections, pooled ones in
// the middle of a push's transaction included. Needs a PostgreSQL server (CI's second pass).
describe.runIf(process.env.SEN_TEST_DATABASE_URL)('database connections dropped under load (PostgreSQL)', () => {
  let server: ServerProcess;
  let database: { url: string; drop: () => Promise<void> };
  let admin: pg.Client;

  beforeEach(async () => {
    database = await createPostgresTestDatabase(process.env.SEN_TEST_DATABASE_URL ?? '');
    server = await ServerProcess.start(database.url);
    admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
  });
  afterEach(async () => {
    await admin.end();
    await server.stop();
    await database.drop();
  });

  it('keeps the server process up, pushes retried succeed, nothing acknowledged is lost or doubled', async () => {
    const writers = await Promise.all([enroll(server.url, 'writer-1'), enroll(server.url, 'writer-2')]);
    const acknowledged: string[] = [];
    let failures = 0;
    let writing = true;
    const write = async (token: string): Promise<void> => {
      while (writing) {
        const rows = await Promise.all(Array.from({ length: 4 }, () => registrarRow(patientDocument('10010'))));
        for (;;) {
          const answer = await syncRequest(server.url, token, 'patients', 'push', { body: rows });
          if (answer.status === 200) break;
          failures++;
        }
        acknowledged.push(...rows.map((row) => String(row.newDocumentState.id)));
      }
    };
    const pushing = Promise.all(writers.map((writer) => write(writer.token)));

    // Every connection of the server's, its LISTEN one and those inside transactions too.
    for (let n = 0; n < TERMINATIONS; n++) {
      const target = acknowledged.length + 8;
      await waitFor(() => acknowledged.length >= target, 'pushes between terminations', 30_000);
      await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
    }
    const target = acknowledged.length + 8;
    await waitFor(() => acknowledged.length >= target, 'pushes after the last termination', 30_000);
    writing = false;
    await pushing;

    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const stored = await pullEverything(server.url);
    expect(new Set(stored).size).toBe(stored.length);
    const storedSet = new Set(stored);
    expect(acknowledged.filter((id) => !storedSet.has(id))).toEqual([]);
    console.log(`${TERMINATIONS} terminations: ${failures} pushes failed and were sent again`);
  });

  it('fails only the transaction whose connection is lost between two statements', async () => {
    const lostConnections: unknown[] = [];
    const pool = openPostgresDatabase(database.url, (_message, error) => lostConnections.push(error));
    try {
      const transaction = pool.transaction(async (tx) => {
        const [own] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await admin.query('SELECT pg_terminate_backend($1)', [own?.pid]);
        await waitFor(
          async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [own?.pid])).rowCount === 0,
          'the backend is gone',
        );
        // The checked-out client has had its 'error' by now: unheard, it would end the process.
        return tx.query('SELECT 1');
      });
      await expect(transaction).rejects.toThrow();
      expect(await pool.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    } finally {
      await pool.close();
    }
  });
});
