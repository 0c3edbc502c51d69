import type { PatientDocument } from '../shared/patient/patient-document';
import { syncPath, type PullResponse, type SyncCheckpoint, type WireDocument } from '../shared/sync/protocol';
import { benchPatients } from './fixtures';
import { asksFor, type ChangedCollections } from '../shared/sync/resync-event';
import { openLoadEventStream } from './load-event-stream';
import { addFacility, type BenchServer } from './sen-server';
import { signedByRegistrar } from './signed-documents';

export interface LoadResult {
  devices: number;
  seconds: number;
  documentsPushed: number;
  documentsPerSecond: number;
  requests: number;
  pushes: number;
  pulls: number;
  errors: number;
  /** What failed, e.g. `pull 503`, `push no answer`, `stream ended`: how many of each. */
  errorKinds: Record<string, number>;
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

export interface LoadOptions {
  /**
   * Documents a device pushes per second on average. The default, 0.2, is a busy PC at a
   * province's peak hour with a fivefold margin (docs/decisions/0009-sizing.md); the load run
   * of 2026-12-03 offered 20, a hundred times that.
   */
  documentsPerDeviceSecond?: number;
  /** Documents in one push: what a PC has written since its last push (2: a save or two). */
  documentsPerPush?: number;
}

const FACILITIES = 20;
/** The client's default pull page (renderer/sync/sync-transport.ts asks for up to this many). */
const PULL_LIMIT = 200;
/**
 * What a client pulls on every RESYNC of its live stream: each replicated collection it reads
 * (renderer/sync/sync-client.ts, REPLICATION), one request each when nothing new is there.
 */
const PULLED_COLLECTIONS = [
  'patients',
  'staff',
  'encounters',
  'orders',
  'observations',
  'notes',
  'referrals',
  'catalog',
  'conflicts',
] as const;

/**
 * `devices` simulated PCs spread over 20 facilities for `seconds`, each behaving as the client
 * does: a live stream kept open, a push of `documentsPerPush` new patients at random intervals
 * averaging `documentsPerPush ÷ documentsPerDeviceSecond` seconds (one push in flight at a
 * time, so a rate the server cannot keep up with becomes a closed loop), and on every RESYNC a
 * pull of each collection it replicates until caught up (a RESYNC arriving during the pulls
 * asks for one more round, as RxDB's replication does). Then every pushed document is looked
 * up: none may be missing or stored twice.
 */
export async function runServerLoad(
  server: BenchServer,
  devices: number,
  seconds: number,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const rate = options.documentsPerDeviceSecond ?? 0.2;
  const pageSize = options.documentsPerPush ?? 2;
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
  const perDevice = Math.ceil((seconds * rate) / pageSize + 2) * pageSize;
  const pools = new Map<string, WireDocument<PatientDocument>[]>();
  for (const { facility } of facilities) {
    const count = Math.ceil(devices / FACILITIES) * perDevice;
    pools.set(facility, await signedByRegistrar(benchPatients(count, facility, Number(facility)), facility));
  }

  const pushLatencies: number[] = [];
  const pullLatencies: number[] = [];
  const pushedIds: string[] = [];
  let errors = 0;
  const errorKinds: Record<string, number> = {};
  const failed = (kind: string, response: Response | null): void => {
    errors += 1;
    const key = `${kind} ${response ? String(response.status) : 'no answer'}`;
    errorKinds[key] = (errorKinds[key] ?? 0) + 1;
  };
  let pulls = 0;
  let pushes = 0;
  // Set once every device has caught up: before it, nothing is counted.
  let measuring = false;
  let deadline = Number.POSITIVE_INFINITY;
  const meanIntervalMs = (pageSize / rate) * 1000;

  const connect = async ({ facility, token }: { facility: string; token: string }) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const checkpoints = new Map<string, SyncCheckpoint | null>();

    const pullCollection = async (collection: string): Promise<void> => {
      for (;;) {
        const counted = measuring;
        const began = performance.now();
        const pulled = await fetch(`${server.url}${syncPath(collection, 'pull')}`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ checkpoint: checkpoints.get(collection) ?? null, limit: PULL_LIMIT }),
        }).catch(() => null);
        const page = pulled?.ok ? ((await pulled.json()) as PullResponse<unknown>) : null;
        if (counted) {
          pulls += 1;
          pullLatencies.push(performance.now() - began);
        }
        if (!page) {
          failed('pull', pulled);
          await pulled?.arrayBuffer();
          return;
        }
        checkpoints.set(collection, page.checkpoint);
        if (page.documents.length < PULL_LIMIT) return;
      }
    };
    // One round of pulls at a time, of the collections the RESYNCs named (all of them when one
    // named none, as on connect), as the client does; RESYNCs during a round ask for one more.
    let pulling: Promise<void> | undefined;
    const wanted = new Set<string>();
    const onResync = (collections: ChangedCollections): void => {
      for (const collection of PULLED_COLLECTIONS) if (asksFor(collections, collection)) wanted.add(collection);
      if (pulling || Date.now() >= deadline) return;
      pulling = (async () => {
        while (wanted.size > 0 && Date.now() < deadline) {
          const round = [...wanted];
          wanted.clear();
          await Promise.all(round.map(pullCollection));
        }
        pulling = undefined;
      })();
    };
    // A PC in service, not a new one: its stream is open and its first sync done before the
    // measurement starts (first syncs are rare; the client bench measures them).
    const stream = await openLoadEventStream(server.url, token, onResync);
    await pulling;

    const run = async (): Promise<void> => {
      const pool = pools.get(facility) ?? [];
      // Random phase, then exponential gaps: 200 PCs do not push in step.
      const gap = (): number => -Math.log(1 - Math.random()) * meanIntervalMs;
      let next = Date.now() + Math.random() * meanIntervalMs;
      while (next < deadline) {
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
        next += gap();
        const batch = pool.splice(0, pageSize);
        if (batch.length === 0) break;
        const began = performance.now();
        pushes += 1;
        const pushed = await fetch(`${server.url}${syncPath('patients', 'push')}`, {
          method: 'POST',
          headers,
          body: JSON.stringify(batch.map((document) => ({ newDocumentState: document }))),
        }).catch(() => null);
        await pushed?.arrayBuffer();
        pushLatencies.push(performance.now() - began);
        if (pushed?.ok) pushedIds.push(...batch.map((document) => document.id));
        else failed('push', pushed);
        // Behind schedule (the server is slower than the offered rate): push again at once.
        next = Math.max(next, Date.now());
      }
      while (Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, deadline - Date.now()));
      await pulling;
      if (stream.failed()) failed('stream', null);
      stream.close();
    };
    return run;
  };
  const runs = await Promise.all(tokens.map(connect));
  const started = Date.now();
  deadline = started + seconds * 1000;
  measuring = true;
  await Promise.all(runs.map((run) => run()));
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
    requests: pushes + pulls,
    pushes,
    pulls,
    errors,
    errorKinds,
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
