import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncPath, syncStreamPath } from '../../shared/sync/protocol';
import { patientDocument } from '../helpers/patient-documents';
import { registrarRow } from '../helpers/signing';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

// Terminating a backend needs a PostgreSQL server (CI's second pass sets SEN_TEST_DATABASE_URL).
describe.runIf(process.env.SEN_TEST_DATABASE_URL)('the LISTEN connection lost (PostgreSQL restart, failover)', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('is opened again, so streams keep announcing changes, and the server does not crash', async () => {
    const reader = await server.enroll('reader');
    const writer = await server.enroll('writer');
    const controller = new AbortController();
    let resyncs = 0;
    const stream = await fetch(`${server.url}${syncStreamPath()}`, {
      headers: { authorization: `Bearer ${reader.token}` },
      signal: controller.signal,
    });
    const reading = (async () => {
      const body = stream.body?.getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const chunk = await body?.read().catch(() => undefined);
        if (!chunk || chunk.done) return;
        resyncs += decoder.decode(chunk.value).split('data: RESYNC').length - 1;
      }
    })();
    await waitFor(() => resyncs === 1, 'the RESYNC sent on connect');

    const listeners = async (): Promise<number[]> =>
      (
        await server.database.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity
           WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`,
        )
      ).map((row) => row.pid);
    const lost = await listeners();
    expect(lost.length).toBeGreaterThan(0);
    await server.database.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid`, [lost]);
    // The server opens a LISTEN connection of its own again and wakes every stream, once when the
    // connection is lost and once when it listens again: wait for both, not for time.
    await waitFor(
      async () => resyncs >= 3 && (await listeners()).some((pid) => !lost.includes(pid)),
      'the server listens again',
      10_000,
    );
    const before = resyncs;
    const push = await fetch(`${server.url}${syncPath('patients', 'push')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${writer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify([await registrarRow(patientDocument('10010'))]),
    });
    expect(push.status).toBe(200);
    await waitFor(() => resyncs > before, 'the change is announced after the reconnect', 10_000);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    controller.abort();
    await reading;
  });
});
