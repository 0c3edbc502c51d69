import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '../../scripts/cluster/cluster';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { PullResponse, SyncCheckpoint } from '../../shared/sync/protocol';
import { enroll } from '../helpers/enroll';
import { IsolatedClient } from '../helpers/isolated-client';
import { patientDocument } from '../helpers/patient-documents';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { registrarRow } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { waitFor } from '../helpers/wait-for';
import { pullEverything } from './pull-everything';

/** Patroni's leader key lives 20 s (its minimum ttl); promotion follows within a few seconds. */
const FAILOVER_BOUND_MS = 60_000;
const BATCHES_BEFORE_KILL = 15;
const BATCHES_AFTER_FAILOVER = 15;
const CLIENT_PATIENTS = 60;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

// Patroni, etcd and HAProxy run in the PostgreSQL pass of .ci/run (which installs them); the
// cluster's PostgreSQL nodes are its own, not SEN_TEST_DATABASE_URL's server.
describe.runIf(process.env.SEN_TEST_DATABASE_URL)('the primary database killed (PostgreSQL, Patroni)', () => {
  let cluster: Cluster;

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 2, ha: { databases: 2 }, demo: true, env: { LOG_LEVEL: 'fatal' } });
  }, 240_000);
  afterAll(async () => {
    await cluster.stop();
  }, 120_000);

  it('promotes the replica; clients continue in bounded time with 0 acknowledged documents lost or duplicated', async () => {
    const patroni = cluster.patroni;
    if (!patroni) throw new Error('no Patroni cluster');
    const writers = await Promise.all([enroll(cluster.url, 'writer-1'), enroll(cluster.url, 'writer-2')]);
    const reader = await enroll(cluster.url, 'reader');
    const initial = (await pullEverything(cluster.url)).length;
    const reception = await IsolatedClient.open(cluster.url, await enroll(cluster.url, 'reception'));
    try {
      await reception.goOnline();
      const acknowledged: string[] = [];
      const acknowledgedAt: number[] = [];
      let writing = true;
      let reading = true;

      // A push is acknowledged by a 200; anything else (the database gone, a 5xx) is sent again,
      // the same documents, as a device does.
      const write = async (token: string): Promise<void> => {
        while (writing) {
          // Another phone than the client's patients: its duplicate check would hold them back.
          const rows = await Promise.all(
            Array.from({ length: 3 }, () => registrarRow(patientDocument('10010', { phone: '0987654321' }))),
          );
          for (;;) {
            const answer = await syncRequest(cluster.url, token, 'patients', 'push', { body: rows }).catch(() => null);
            if (answer?.status === 200) break;
            await pause(250);
          }
          for (const row of rows) acknowledged.push(String(row.newDocumentState.id));
          acknowledgedAt.push(Date.now());
        }
      };
      const pulled: string[] = [];
      let checkpoint: SyncCheckpoint | null = null;
      const pullOnce = async (): Promise<number> => {
        const query: Record<string, string> = { limit: '20' };
        if (checkpoint) query.checkpoint = JSON.stringify(checkpoint);
        const answer = await syncRequest(cluster.url, reader.token, 'patients', 'pull', { query }).catch(() => null);
        if (answer?.status !== 200) {
          await pause(250);
          return -1;
        }
        const page = answer.body as PullResponse<PatientDocument>;
        pulled.push(...page.documents.map((document) => document.id));
        checkpoint = page.checkpoint;
        return page.documents.length;
      };
      const read = async (): Promise<void> => {
        while (reading) await pullOnce();
        while ((await pullOnce()) !== 0);
      };
      const registering = (async () => {
        for (let n = 0; n < CLIENT_PATIENTS; n++) {
          const registered = await reception.patients.register(numberedRegistrationForm('Tiếp đón', n));
          expect(registered.ok).toBe(true);
          await pause(200);
        }
      })();

      const pushing = Promise.all(writers.map((writer) => write(writer.token)));
      const pulling = read();
      await waitFor(() => acknowledgedAt.length >= BATCHES_BEFORE_KILL, 'pushes before the kill', 60_000);

      const primary = (await Promise.all(patroni.nodes.map((node) => node.isPrimary()))).indexOf(true);
      const [lost, survivor] = [patroni.nodes[primary], patroni.nodes[1 - primary]];
      if (!lost || !survivor) throw new Error('no primary to kill');
      const killedAt = Date.now();
      const ackedBeforeKill = acknowledgedAt.length;
      await lost.killMachine();

      await waitFor(() => survivor.isPrimary(), 'the replica is promoted', FAILOVER_BOUND_MS);
      const promotedMs = Date.now() - killedAt;
      await waitFor(
        () => acknowledgedAt.some((at) => at > killedAt + 1000),
        'a push acknowledged after the failover',
        FAILOVER_BOUND_MS,
      );
      const firstPushAfter = acknowledgedAt.find((at) => at > killedAt + 1000) ?? Date.now();
      const pushesBackMs = firstPushAfter - killedAt;
      const target = acknowledgedAt.length + BATCHES_AFTER_FAILOVER;
      await waitFor(() => acknowledgedAt.length >= target, 'pushes after the failover', 60_000);
      // The puller drains only once the last push in flight has been answered.
      writing = false;
      await pushing;
      reading = false;
      await pulling;
      await registering;
      console.log(
        `Failover: replica promoted ${promotedMs} ms after the primary was killed; pushes acknowledged again ` +
          `after ${pushesBackMs} ms (${ackedBeforeKill} batches before the kill, ${acknowledgedAt.length} in all)`,
      );
      expect(pushesBackMs).toBeLessThan(FAILOVER_BOUND_MS);

      // Every acknowledged document is on the new primary exactly once, and the live puller
      // saw each once: nothing committed on the old primary alone was acknowledged.
      const stored = await pullEverything(cluster.url);
      expect(new Set(stored).size).toBe(stored.length);
      const storedSet = new Set(stored);
      expect(acknowledged.filter((id) => !storedSet.has(id))).toEqual([]);
      expect(new Set(pulled).size).toBe(pulled.length);
      const pulledSet = new Set(pulled);
      expect(acknowledged.filter((id) => !pulledSet.has(id))).toEqual([]);

      // The real client carried on too: its outbox drained, its patients on the server once.
      let status = '';
      const watching = reception.sync.status$.subscribe((next) => (status = JSON.stringify(next)));
      let afterClient: string[] = [];
      await waitFor(
        async () => {
          afterClient = await pullEverything(cluster.url);
          return (
            (await reception.outbox.count()) === 0 &&
            afterClient.length >= initial + acknowledged.length + CLIENT_PATIENTS
          );
        },
        'the client has sent everything',
        120_000,
      )
        .catch(async (error: unknown) => {
          const held = await reception.database.patients.count().exec();
          throw new Error(`${String(error)}: server ${afterClient.length}, client holds ${held}; ${status}`);
        })
        .finally(() => watching.unsubscribe());
      expect(new Set(afterClient).size).toBe(afterClient.length);
      expect(afterClient.length).toBe(initial + acknowledged.length + CLIENT_PATIENTS);
    } finally {
      await reception.close();
    }
  });
});
