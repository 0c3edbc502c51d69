import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { PullResponse, SyncCheckpoint } from '../../shared/sync/protocol';
import { patientDocument } from '../helpers/patient-documents';
import { registrarRow } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { TestServer } from '../helpers/test-server';

describe('concurrent pushes', () => {
  let server: TestServer;
  let token: string;

  beforeEach(async () => {
    server = await TestServer.start();
    token = (await server.enroll('reception')).token;
  });
  afterEach(async () => {
    await server.close();
  });

  it('stores each document once when one client sends overlapping batches in parallel and retries them', async () => {
    const documents = await Promise.all(Array.from({ length: 40 }, () => registrarRow(patientDocument('10010'))));
    const batches = Array.from({ length: 8 }, (_, n) => {
      const rotated = [...documents.slice(n * 5), ...documents.slice(0, n * 5)];
      return n % 2 === 0 ? rotated : rotated.reverse();
    });
    const answers = await Promise.all(
      batches.map((rows) => syncRequest(server.url, token, 'patients', 'push', { body: rows })),
    );
    for (const answer of answers) expect(answer).toEqual({ status: 200, body: [] });

    const rows = await server.database.query<{ seq: number }>(
      `SELECT seq FROM sync_feed WHERE collection = 'patients' ORDER BY seq`,
    );
    expect(rows).toHaveLength(40);
    // Contiguous after the demo staff accounts' own numbers.
    const first = rows[0]?.seq ?? 0;
    expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 40 }, (_, n) => first + n));
  });
});

// PGlite serves one connection at a time, so commits cannot interleave there: this needs a
// PostgreSQL server (CI's second pass sets SEN_TEST_DATABASE_URL).
describe.runIf(process.env.SEN_TEST_DATABASE_URL)('commit order under concurrent writers (PostgreSQL)', () => {
  let server: TestServer;

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    await server.close();
  });

  it('a puller checkpointing continuously ends with every document exactly once', async () => {
    const writers = await Promise.all(Array.from({ length: 6 }, (_, n) => server.enroll(`writer-${n}`)));
    const reader = await server.enroll('reader');
    const pushedIds = new Set<string>();
    let writing = true;

    const write = async (token: string): Promise<void> => {
      for (let batch = 0; batch < 25; batch++) {
        const rows = await Promise.all(
          Array.from({ length: 1 + (batch % 4) }, () => registrarRow(patientDocument('10010'))),
        );
        const answer = await syncRequest(server.url, token, 'patients', 'push', { body: rows });
        expect(answer.status).toBe(200);
        for (const row of rows) pushedIds.add(String(row.newDocumentState.id));
      }
    };

    const pulledIds: string[] = [];
    let checkpoint: SyncCheckpoint | null = null;
    const pullOnce = async (): Promise<number> => {
      const query: Record<string, string> = { limit: '7' };
      if (checkpoint) query.checkpoint = JSON.stringify(checkpoint);
      const answer = await syncRequest(server.url, reader.token, 'patients', 'pull', { query });
      const response = answer.body as PullResponse<PatientDocument>;
      pulledIds.push(...response.documents.map((document) => document.id));
      checkpoint = response.checkpoint;
      return response.documents.length;
    };
    const read = async (): Promise<void> => {
      while (writing) await pullOnce();
      while ((await pullOnce()) > 0);
    };

    const reading = read();
    await Promise.all(writers.map((writer) => write(writer.token)));
    writing = false;
    await reading;

    // 6 writers × 25 batches of 1–4 documents
    expect(pushedIds.size).toBe(6 * (7 * 1 + 6 * 2 + 6 * 3 + 6 * 4));
    expect(new Set(pulledIds).size).toBe(pulledIds.length);
    expect([...pulledIds].sort()).toEqual([...pushedIds].sort());
  });
});
