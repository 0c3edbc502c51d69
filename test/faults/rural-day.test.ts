import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultProxy } from '../helpers/fault-proxy';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { IsolatedClient } from '../helpers/isolated-client';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const DOCUMENTS = 3000;
const KBIT = 1000 / 8;

describe('a district hospital day on a bad link', () => {
  let server: TestServer;
  let proxy: FaultProxy;
  const clients: IsolatedClient[] = [];

  beforeEach(async () => {
    server = await TestServer.start();
    proxy = new FaultProxy(
      () => Number(new URL(server.url).port),
      // 256 kbit/s, 600 ms round trip, every connection cut every 5–15 s, 1 segment in 2,000 lost.
      { latencyMs: 300, bytesPerSecond: 256 * KBIT, cutEveryMs: [5000, 15_000], lossPerSegment: 0.0005 },
    );
    await proxy.start();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await proxy.stop();
    await server.close();
  });

  it('converges on 3,000 documents with nothing lost or duplicated', async () => {
    const reception = await IsolatedClient.open(proxy.url, await server.enroll('reception'));
    const examRoom = await IsolatedClient.open(proxy.url, await server.enroll('exam-room'));
    clients.push(reception, examRoom);
    await reception.goOnline();
    await examRoom.goOnline();

    // The day's work arrives in bursts on both PCs while the link drops and recovers.
    const started = Date.now();
    for (let burst = 0; burst < 10; burst++) {
      for (let n = 0; n < DOCUMENTS / 20; n++) {
        const number = burst * (DOCUMENTS / 20) + n;
        expect((await reception.patients.register(numberedRegistrationForm('Tiếp đón', number))).ok).toBe(true);
        expect((await examRoom.patients.register(numberedRegistrationForm('Khám', 50_000 + number))).ok).toBe(true);
      }
    }

    const converged = async (client: IsolatedClient): Promise<boolean> =>
      (await client.outbox.count()) === 0 && (await client.database.patients.count().exec()) === DOCUMENTS;
    await waitFor(() => converged(reception), 'reception holds all 3,000 and has sent everything', 240_000);
    await waitFor(() => converged(examRoom), 'the exam room holds all 3,000 and has sent everything', 240_000);

    const rows = await server.database.query<{ copies: number }>(
      `SELECT count(*)::int AS copies FROM sync_documents WHERE collection = 'patients' GROUP BY id`,
    );
    expect(rows).toHaveLength(DOCUMENTS);
    expect(rows.every((row) => row.copies === 1)).toBe(true);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `rural day: ${DOCUMENTS} documents in ${seconds.toFixed(0)} s through the link; ` +
        `${proxy.stats.cuts} cuts, ${proxy.stats.lostSegments} lost segments, ${proxy.stats.connections} connections, ` +
        `${(proxy.stats.bytesUp / 1024).toFixed(0)} KiB up, ${(proxy.stats.bytesDown / 1024).toFixed(0)} KiB down`,
    );
    expect(proxy.stats.cuts + proxy.stats.lostSegments).toBeGreaterThan(0);
  });
});
