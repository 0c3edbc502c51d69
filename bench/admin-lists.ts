import type { FastifyInstance } from 'fastify';
import { startSession } from '../server/admin/admin-sessions';
import { buildApp } from '../server/app';
import type { Database } from '../server/db/database';
import { openDatabase } from '../server/db/open-database';
import { DEMO_ADMIN, seedDemoAdmin } from '../server/demo/demo-admin';
import { ensureFacility } from '../server/facilities/facilities';

/**
 * The province's two large lists at the issue's scale: the fleet with 2,000 PCs and the open
 * conflicts with 100,000 rows (4 per document over 25,000 documents, 40 facilities). Each page
 * is asked through the real route (zod, SQL, JSON, without the network) and, alternating with
 * it, the same page as one plain SELECT of the rows it shows; p50 and p95 per page of both and
 * their ratio, measured side by side in one run on PGlite (DATABASE_URL: PostgreSQL).
 *
 *   npm run bench:admin
 */
const FACILITIES = 40;
const DEVICES = 2_000;
const DOCUMENTS = 25_000;
const CONFLICTS_PER_DOCUMENT = 4;
const PAGES = 40;
const PAGE_SIZE = 50;

interface FleetRow {
  id: string;
  name: string;
  lastContactAt: string;
}
interface FleetAnswer {
  devices: FleetRow[];
  nextCursor: string | null;
}
interface GroupRow {
  facilityCode: string;
  collection: string;
  documentId: string;
}
interface GroupAnswer {
  documents: GroupRow[];
  nextCursor: string | null;
}

interface PageTimes {
  route: number[];
  plain: number[];
}

async function seed(database: Database): Promise<void> {
  for (let n = 0; n < FACILITIES; n++) {
    await ensureFacility(database, { code: String(20000 + n), provinceCode: '15', name: `Cơ sở ${String(n)}` });
  }
  await database.query(
    `INSERT INTO devices (id, facility_code, name, token_hash, tag, created_at, last_pull_at, last_push_at,
                          app_version, outbox_backlog, audit_backlog, quarantined, reported_at)
     SELECT gen_random_uuid(), (20000 + n % $2)::text, 'Máy ' || n, 'x', n / $2,
            now() - interval '90 days', now() - (n % 97) * interval '1 hour', now() - (n % 89) * interval '1 hour',
            '0.1.' || (n % 3), n % 50, n % 7, n % 2, now()
     FROM generate_series(0, $1 - 1) AS n`,
    [DEVICES, FACILITIES],
  );
  await database.query(
    `INSERT INTO sync_conflicts (id, collection, document_id, scope, field, master_value, losing_value, device_id,
                                 client_time, author, recorded_at)
     SELECT gen_random_uuid(), 'patients', 'doc-' || lpad((n / $2)::text, 6, '0'),
            (20000 + (n / $2) % $3)::text, 'field' || (n % $2), to_jsonb('0911' || n), to_jsonb('0922' || n),
            NULL, '2026-12-01T08:00:00.000Z', '{"staffId": null}'::jsonb, now() - n * interval '1 second'
     FROM generate_series(0, $1 - 1) AS n`,
    [DOCUMENTS * CONFLICTS_PER_DOCUMENT, CONFLICTS_PER_DOCUMENT, FACILITIES],
  );
  await database.query('ANALYZE');
}

function percentile(values: number[], quantile: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
}

async function timed<T>(times: number[], work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  times.push(performance.now() - started);
  return result;
}

async function getJson<T>(app: FastifyInstance, url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  if (response.statusCode !== 200) throw new Error(`${url}: ${String(response.statusCode)} ${response.body}`);
  return response.json<T>();
}

/** Walks the fleet by name, page after page, and selects each page's rows plainly too. */
async function fleetPages(app: FastifyInstance, database: Database, sort: 'name' | '-lastContact'): Promise<PageTimes> {
  const times: PageTimes = { route: [], plain: [] };
  let cursor: string | null = null;
  let last: FleetRow | undefined;
  for (let page = 0; page < PAGES; page++) {
    const query: string = `/admin/v1/fleet?sort=${sort}&limit=${String(PAGE_SIZE)}${cursor ? `&cursor=${cursor}` : ''}`;
    const answer: FleetAnswer = await timed(times.route, () => getJson<FleetAnswer>(app, query));
    await timed(times.plain, () =>
      sort === 'name'
        ? database.query(
            `SELECT * FROM devices WHERE ($1::text IS NULL OR (name, id) > ($1, $2::uuid)) ORDER BY name, id LIMIT $3`,
            [last?.name ?? null, last?.id ?? null, PAGE_SIZE],
          )
        : database.query(
            `SELECT * FROM devices WHERE ($1::timestamptz IS NULL OR (last_contact_at, id) < ($1, $2::uuid))
             ORDER BY last_contact_at DESC, id DESC LIMIT $3`,
            [last?.lastContactAt ?? null, last?.id ?? null, PAGE_SIZE],
          ),
    );
    last = answer.devices.at(-1);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return times;
}

/** Walks the open conflicts by document, and selects each page's conflict rows plainly too. */
async function conflictPages(app: FastifyInstance, database: Database, facility: string | null): Promise<PageTimes> {
  const times: PageTimes = { route: [], plain: [] };
  let cursor: string | null = null;
  let last: GroupRow | undefined;
  for (let page = 0; page < PAGES; page++) {
    const filter = facility ? `&facility=${facility}` : '';
    const query: string = `/admin/v1/conflicts/by-document?limit=${String(PAGE_SIZE)}${filter}${cursor ? `&cursor=${cursor}` : ''}`;
    const answer: GroupAnswer = await timed(times.route, () => getJson<GroupAnswer>(app, query));
    await timed(times.plain, () =>
      database.query(
        `SELECT * FROM sync_conflicts
         WHERE resolved_at IS NULL AND ($4::text IS NULL OR scope = $4)
           AND ($1::text IS NULL OR (scope, collection, document_id) > ($1, $2, $3))
         ORDER BY scope, collection, document_id LIMIT $5`,
        [
          last?.facilityCode ?? null,
          last?.collection ?? null,
          last?.documentId ?? null,
          facility,
          PAGE_SIZE * CONFLICTS_PER_DOCUMENT,
        ],
      ),
    );
    last = answer.documents.at(-1);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  return times;
}

function row(label: string, times: PageTimes): string {
  const [route50, route95, plain50, plain95] = [
    percentile(times.route, 0.5),
    percentile(times.route, 0.95),
    percentile(times.plain, 0.5),
    percentile(times.plain, 0.95),
  ];
  return `| ${label} | ${String(times.route.length)} | ${route50.toFixed(1)} / ${route95.toFixed(1)} ms | ${plain50.toFixed(1)} / ${plain95.toFixed(1)} ms | ${(route95 / plain95).toFixed(2)}× |`;
}

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
const app = await buildApp({ database });
// The lists are read by a signed-in admin, as the console reads them.
await seedDemoAdmin(database);
const token = (await startSession(database, DEMO_ADMIN.id)).token;
try {
  const seeding = performance.now();
  await seed(database);
  console.log(
    `seeded ${String(DEVICES)} PCs and ${String(DOCUMENTS * CONFLICTS_PER_DOCUMENT)} open conflicts in ${((performance.now() - seeding) / 1000).toFixed(1)} s (${database.engine})`,
  );
  // One walk first so both sides run warm.
  await fleetPages(app, database, 'name');
  await conflictPages(app, database, null);
  console.log('| list (pages of 50) | pages | route p50 / p95 | plain SELECT p50 / p95 | p95 ratio |');
  console.log('| --- | --- | --- | --- | --- |');
  console.log(row('fleet by name, 2,000 PCs', await fleetPages(app, database, 'name')));
  console.log(row('fleet by last contact, newest first', await fleetPages(app, database, '-lastContact')));
  console.log(row('conflicts by document, 100,000 open', await conflictPages(app, database, null)));
  console.log(row('conflicts of one facility (2,500 open)', await conflictPages(app, database, '20007')));
} finally {
  await app.close();
  await database.close();
}
