import type { PatientDocument } from '../shared/patient/patient-document';
import { syncPath, type PullResponse, type SyncCheckpoint, type WireDocument } from '../shared/sync/protocol';
import { benchPatients } from './fixtures';
import { addFacility, type BenchServer } from './sen-server';
import { signedByRegistrar } from './signed-documents';

export interface LoadResult {
  devices: number;
  seconds: number;
  documentsPushed: number;
  documentsPerSecond: number;
  requests: number;
  errors: number;
  lost: number;
  /** Stored although the device saw an error (a retry would be idempotent). */
  storedUnacknowledged: number;
  pushMs: Percentiles;
  pullMs: Percentiles;
}

interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

const FACILITIES = 20;
const PUSH_BATCH = 5;

/**
 * `devices` simulated PCs spread over 20 facilities, each pushing 5 new documents and pulling
 * its facility's changes in a loop for `seconds`. Then every pushed document is looked up:
 * none may be missing or stored twice.
 */
export async function runServerLoad(
  server: BenchServer,
  devices: number,
  seconds: number,
  /** Documents prepared per device and second: the most a device can push before it stops. */
  documentsPerDeviceSecond = 40,
): Promise<LoadResult> {
  const facilities = await Promise.all(
    Array.from({ length: FACILITIES }, (_, n) =>
      addFacility(server, String(11001 + n)).then((code) => ({ code, facility: String(11001 + n) })),
    ),
  );
  const tokens = await Promise.all(
    Array.from({ length: devices }, async (_, n) => {
      const facility = facilities[n % FACILITIES];
      if (!facility) throw new Error('no facility');
      return { facility: facility.facility, token: (await server.enroll(`load-${n}`, facility.code)).token };
    }),
  );
  // Documents prepared (and signed by their registrar) in advance, so that neither is measured.
  const perDevice = Math.ceil((seconds * documentsPerDeviceSecond) / PUSH_BATCH) * PUSH_BATCH;
  const pools = new Map<string, WireDocument<PatientDocument>[]>();
  for (const { facility } of facilities) {
    const count = (perDevice * devices) / FACILITIES + perDevice;
    pools.set(facility, await signedByRegistrar(benchPatients(count, facility, Number(facility)), facility));
  }

  const pushLatencies: number[] = [];
  const pullLatencies: number[] = [];
  const pushedIds: string[] = [];
  let errors = 0;
  let requests = 0;
  const deadline = Date.now() + seconds * 1000;

  const device = async ({ facility, token }: { facility: string; token: string }): Promise<void> => {
    const pool = pools.get(facility) ?? [];
    let checkpoint: SyncCheckpoint | null = null;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    while (Date.now() < deadline) {
      const batch = pool.splice(0, PUSH_BATCH);
      if (batch.length === 0) break;
      let started = performance.now();
      requests += 1;
      const pushed = await fetch(`${server.url}${syncPath('patients', 'push')}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(batch.map((document) => ({ newDocumentState: document }))),
      }).catch(() => null);
      pushLatencies.push(performance.now() - started);
      if (pushed?.ok) pushedIds.push(...batch.map((document) => document.id));
      else errors += 1;
      await pushed?.arrayBuffer();

      started = performance.now();
      requests += 1;
      const url = new URL(syncPath('patients', 'pull'), server.url);
      url.searchParams.set('limit', '200');
      if (checkpoint) url.searchParams.set('checkpoint', JSON.stringify(checkpoint));
      const pulled = await fetch(url, { headers }).catch(() => null);
      if (pulled?.ok) checkpoint = ((await pulled.json()) as PullResponse<unknown>).checkpoint;
      else errors += 1;
      pullLatencies.push(performance.now() - started);
    }
  };
  const started = Date.now();
  await Promise.all(tokens.map(device));
  const elapsed = (Date.now() - started) / 1000;

  const stored = await server.database.query<{ id: string }>(
    `SELECT id FROM sync_documents WHERE scope <> '10010' AND collection = 'patients'`,
  );
  const storedIds = new Set(stored.map((row) => row.id));
  return {
    devices,
    seconds: elapsed,
    documentsPushed: pushedIds.length,
    documentsPerSecond: pushedIds.length / elapsed,
    requests,
    errors,
    lost: pushedIds.filter((id) => !storedIds.has(id)).length,
    storedUnacknowledged: storedIds.size - pushedIds.length + pushedIds.filter((id) => !storedIds.has(id)).length,
    pushMs: percentiles(pushLatencies),
    pullMs: percentiles(pullLatencies),
  };
}

function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
