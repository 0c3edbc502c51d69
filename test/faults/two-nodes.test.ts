import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../scripts/cluster/cluster';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { syncStreamPath, type PullResponse, type SyncCheckpoint } from '../../shared/sync/protocol';
import { enroll } from '../helpers/enroll';
import { IsolatedClient } from '../helpers/isolated-client';
import { patientDocument } from '../helpers/patient-documents';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { registrarRow } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { createPostgresTestDatabase } from '../helpers/test-database';
import { waitFor } from '../helpers/wait-for';
import { pullEverything } from './pull-everything';

const PER_CLIENT = 120;

/** Counts the RESYNC events of one device's live stream on one node until aborted. */
function openStream(nodeUrl: string, token: string): { events: () => number; close: () => Promise<void> } {
  const controller = new AbortController();
  let events = 0;
  const reading = (async () => {
    const response = await fetch(`${nodeUrl}${syncStreamPath()}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: controller.signal,
    }).catch(() => undefined);
    const body = response?.body?.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await body?.read().catch(() => undefined);
      if (!chunk || chunk.done) return;
      events += decoder.decode(chunk.value).split('data: RESYNC').length - 1;
    }
  })();
  return {
    events: () => events,
    close: async () => {
      controller.abort();
      await reading;
    },
  };
}

// Several server processes share one database only on a PostgreSQL server: PGlite is embedded
// in one process. CI's second pass sets SEN_TEST_DATABASE_URL.
describe.runIf(process.env.SEN_TEST_DATABASE_URL)('two Sen nodes behind HAProxy (PostgreSQL)', () => {
  let cluster: Cluster;
  let dropDatabase: () => Promise<void> = () => Promise.resolve();
  const nodeUrl = (n: number): string => cluster.nodes[n]?.url ?? '';

  beforeAll(async () => {
    const database = await createPostgresTestDatabase(process.env.SEN_TEST_DATABASE_URL ?? '');
    dropDatabase = database.drop;
    cluster = await startCluster({ nodes: 2, databaseUrl: database.url, demo: true, env: { LOG_LEVEL: 'fatal' } });
  });
  afterAll(async () => {
    await cluster.stop();
    await dropDatabase();
  });

  // First, on an empty facility: the clients' counts are then exactly what they registered.
  it('loses and duplicates nothing when a node is killed mid-push: the clients retry through HAProxy', async () => {
    const before = (await pullEverything(cluster.url)).length;
    const reception = await IsolatedClient.open(cluster.url, await enroll(cluster.url, 'reception'));
    const examRoom = await IsolatedClient.open(cluster.url, await enroll(cluster.url, 'exam-room'));
    try {
      await reception.goOnline();
      await examRoom.goOnline();
      const kills: Promise<void>[] = [];
      for (let n = 0; n < PER_CLIENT; n++) {
        await reception.patients.register(numberedRegistrationForm('Tiếp đón', n));
        await examRoom.patients.register(numberedRegistrationForm('Khám', 10_000 + n));
        // SIGKILL one node while both clients push; it comes back later, then the other one dies.
        const [first, second] = cluster.nodes;
        if (n === 30 && first) kills.push(first.kill().then(() => first.start()));
        if (n === 80 && second) kills.push(second.kill().then(() => second.start()));
      }
      await Promise.all(kills);
      for (const client of [reception, examRoom]) {
        let status = '';
        let counts = '';
        const watching = client.sync.status$.subscribe((next) => (status = JSON.stringify(next)));
        await waitFor(
          async () => {
            const [unsent, held] = [await client.outbox.count(), await client.database.patients.count().exec()];
            counts = `${unsent} unsent, ${held} held of ${before + 2 * PER_CLIENT}`;
            return unsent === 0 && held === before + 2 * PER_CLIENT;
          },
          'the client holds everything and has sent everything',
          120_000,
        )
          .catch((error: unknown) => {
            throw new Error(`${String(error)}: ${counts}; ${status}`);
          })
          .finally(() => watching.unsubscribe());
      }
    } finally {
      await reception.close();
      await examRoom.close();
    }
    const ids = await pullEverything(cluster.url);
    expect(ids).toHaveLength(before + 2 * PER_CLIENT);
    expect(new Set(ids).size).toBe(before + 2 * PER_CLIENT);
  });

  it('spreads requests over both nodes and wakes a live stream on one node for a push on the other', async () => {
    const served = new Set<string | null>();
    for (let n = 0; n < 4; n++) served.add((await fetch(`${cluster.url}/health`)).headers.get('x-sen-node'));
    expect(served).toEqual(new Set(['node1', 'node2']));

    const reader = await enroll(cluster.url, 'reader');
    const writer = await enroll(cluster.url, 'writer');
    const stream = openStream(nodeUrl(1), reader.token);
    try {
      await waitFor(() => stream.events() === 1, 'the RESYNC sent on connect');
      const push = await syncRequest(nodeUrl(0), writer.token, 'patients', 'push', {
        body: [await registrarRow(patientDocument('10010'))],
      });
      expect(push.status).toBe(200);
      // Through PostgreSQL's NOTIFY: node 2 never saw the push.
      await waitFor(() => stream.events() >= 2, 'node 2 announces the push made on node 1', 5000);
    } finally {
      await stream.close();
    }
  });

  it('keeps checkpoints commit-ordered with pushers on both nodes: each puller sees every document once', async () => {
    const writers = await Promise.all(Array.from({ length: 4 }, (_, n) => enroll(cluster.url, `writer-${n}`)));
    const readers = await Promise.all([enroll(cluster.url, 'reader-1'), enroll(cluster.url, 'reader-2')]);
    const pushedIds = new Set<string>();
    let writing = true;

    const write = async (token: string, url: string): Promise<void> => {
      for (let batch = 0; batch < 20; batch++) {
        const rows = await Promise.all(
          Array.from({ length: 1 + (batch % 4) }, () => registrarRow(patientDocument('10010'))),
        );
        const answer = await syncRequest(url, token, 'patients', 'push', { body: rows });
        expect(answer.status).toBe(200);
        for (const row of rows) pushedIds.add(String(row.newDocumentState.id));
      }
    };
    // Each reader pulls from one node, starting from the documents the test adds.
    const start = (await syncRequest(cluster.url, readers[0].token, 'patients', 'pull', {
      query: { limit: '1000' },
    })) as { body: PullResponse<PatientDocument> };
    const read = async (token: string, url: string): Promise<string[]> => {
      const pulled: string[] = [];
      let checkpoint: SyncCheckpoint | null = start.body.checkpoint;
      const pullOnce = async (): Promise<number> => {
        const query: Record<string, string> = { limit: '7' };
        if (checkpoint) query.checkpoint = JSON.stringify(checkpoint);
        const answer = await syncRequest(url, token, 'patients', 'pull', { query });
        const page = answer.body as PullResponse<PatientDocument>;
        pulled.push(...page.documents.map((document) => document.id));
        checkpoint = page.checkpoint;
        return page.documents.length;
      };
      while (writing) await pullOnce();
      while ((await pullOnce()) > 0);
      return pulled;
    };

    const reading = readers.map((reader, n) => read(reader.token, nodeUrl(n)));
    await Promise.all(writers.map((writer, n) => write(writer.token, nodeUrl(n % 2))));
    writing = false;
    const pulled = await Promise.all(reading);

    // 4 writers × 20 batches of 1–4 documents
    expect(pushedIds.size).toBe(4 * (5 * 1 + 5 * 2 + 5 * 3 + 5 * 4));
    for (const ids of pulled) {
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual([...pushedIds].sort());
    }
  });
});
