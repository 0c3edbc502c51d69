import type { Database } from '../server/db/database';
import { openDatabase } from '../server/db/open-database';
import { migrate } from '../server/db/migrate';
import { ensureFacility, ensureProvinces } from '../server/facilities/facilities';
import { listDuplicateCandidates } from '../server/identity/duplicate-candidates';
import { catchUpIdentityIndex } from '../server/identity/identity-index';

/**
 * The master patient index at 100,000 patients over 40 facilities, one in 50 registered again
 * at another facility (same CCCD, name, birth date and ward) and one in 100 a namesake with no
 * CCCD: the first catch-up over everything, then what an admin's look costs once the index is
 * current — a catch-up after one more push, and the candidate pages — on PGlite (DATABASE_URL:
 * PostgreSQL).
 *
 *   npx tsx bench/patient-identity.ts
 */
const FACILITIES = 40;
const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const PAGES = 20;
const PAGE_SIZE = 50;

/** A patient body as a PC pushes it (only the fields the index reads differ between patients). */
function patientSql(n: string, facility: string, cccd: string, given: string): string {
  return `jsonb_build_object(
    'id', 'p-' || ${n}, 'facilityCode', ${facility}, 'patientCode', ${facility} || '-' || lpad(${n}::text, 8, '0'),
    'familyName', 'Nguyễn', 'middleName', 'Văn', 'givenName', ${given},
    'dateOfBirth', to_char(date '1950-01-01' + (${n} % 20000), 'YYYY-MM-DD'), 'sex', 'male',
    'cccd', ${cccd}, 'bhyt', '', 'phone', '',
    'address', jsonb_build_object('provinceCode', '15', 'wardCode', '02647', 'street', ''),
    'ethnicityCode', '01', 'nameKey', '', 'givenNameKey', '', 'createdAt', '2026-12-01T08:00:00.000Z',
    'updatedAt', '2026-12-01T08:00:00.000Z', 'createdByDeviceId', 'bench', 'createdBy', 'bench', 'updatedBy', 'bench')`;
}

async function seed(database: Database): Promise<void> {
  for (let n = 0; n < FACILITIES; n++) {
    await ensureFacility(database, { code: String(20000 + n), provinceCode: '15', name: `Cơ sở ${String(n)}` });
  }
  // Patient n at facility n % 40; every 50th again at the next facility (its copy is n + PATIENTS);
  // every 100th a namesake with no CCCD at the facility after that.
  await database.query(
    `WITH rows AS (
       SELECT n, (20000 + n % $2)::text AS facility, lpad(n::text, 12, '0') AS cccd, 'An ' || n AS given
       FROM generate_series(0, $1 - 1) AS n
       UNION ALL
       SELECT $1 + n, (20000 + (n + 1) % $2)::text, lpad(n::text, 12, '0'), 'An ' || n
       FROM generate_series(0, $1 - 1, 50) AS n
       UNION ALL
       SELECT 2 * $1 + n, (20000 + (n + 2) % $2)::text, '', 'An ' || n
       FROM generate_series(0, $1 - 1, 100) AS n
     )
     INSERT INTO sync_documents (collection, id, scope, body)
     SELECT 'patients', 'p-' || n, facility, ${patientSql('n', 'facility', 'cccd', 'given')} FROM rows`,
    [PATIENTS, FACILITIES],
  );
  await database.query(
    `INSERT INTO sync_feed (scope, collection, id, seq, change_id)
     SELECT scope, 'patients', id, row_number() OVER (PARTITION BY scope ORDER BY id), md5(id)
     FROM sync_documents WHERE collection = 'patients'`,
  );
  await database.query(
    `UPDATE sync_scopes s SET last_seq = f.last FROM (SELECT scope, max(seq) AS last FROM sync_feed GROUP BY scope) f
     WHERE f.scope = s.scope`,
  );
  await database.query('ANALYZE');
}

/** One more patient pushed at a facility: a new body and the next number of its feed. */
async function pushOne(database: Database, n: number): Promise<void> {
  const facility = `'20003'`;
  await database.query(
    `INSERT INTO sync_documents (collection, id, scope, body)
     SELECT 'patients', 'p-' || $1::int, '20003', ${patientSql('$1::int', facility, "lpad('7'::text, 12, '0')", "'An 7'")}`,
    [n],
  );
  await database.query(
    `WITH next AS (UPDATE sync_scopes SET last_seq = last_seq + 1 WHERE scope = '20003' RETURNING last_seq)
     INSERT INTO sync_feed (scope, collection, id, seq, change_id)
     SELECT '20003', 'patients', 'p-' || $1::int, last_seq, md5($1::text) FROM next`,
    [n],
  );
}

function percentile(values: number[], quantile: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL });
try {
  await migrate(database);
  await ensureProvinces(database);
  const [, seeding] = await timed(() => seed(database));
  console.log(
    `seeded ${String(PATIENTS)} patients and their copies in ${(seeding / 1000).toFixed(1)} s (${database.engine})`,
  );
  const [indexed, first] = await timed(() => catchUpIdentityIndex(database));
  const [{ count }] = (await database.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM duplicate_candidates WHERE status = 'open'`,
  )) as [{ count: number }];
  console.log(`first catch-up: ${String(indexed)} records in ${(first / 1000).toFixed(1)} s, ${String(count)} pairs`);

  const catchUps: number[] = [];
  for (let n = 0; n < 20; n++) {
    await pushOne(database, 3 * PATIENTS + n);
    catchUps.push((await timed(() => catchUpIdentityIndex(database)))[1]);
  }
  const idle = (await timed(() => catchUpIdentityIndex(database)))[1];
  const pages: number[] = [];
  let listed = 0;
  let cursor: string | null = null;
  for (let page = 0; page < PAGES; page++) {
    const [answer, ms] = await timed(() =>
      listDuplicateCandidates(database, { facility: null, cursor, limit: PAGE_SIZE }),
    );
    pages.push(ms);
    listed += answer.candidates.length;
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  const facilityPages: number[] = [];
  cursor = null;
  for (let page = 0; page < PAGES; page++) {
    const [answer, ms] = await timed(() =>
      listDuplicateCandidates(database, { facility: '20007', cursor, limit: PAGE_SIZE }),
    );
    facilityPages.push(ms);
    cursor = answer.nextCursor;
    if (!cursor) break;
  }
  const open = await database.query<{ count: number }>(
    `SELECT count(*)::int AS count FROM duplicate_candidates WHERE status = 'open'`,
  );
  console.log(`${String(listed)} pairs listed in ${String(pages.length)} pages; ${String(open[0]?.count)} open`);
  const p = (values: number[]) => `${percentile(values, 0.5).toFixed(1)} / ${percentile(values, 0.95).toFixed(1)} ms`;
  console.log('| step | p50 / p95 |');
  console.log('| --- | --- |');
  console.log(`| catch-up after one more patient pushed (20 times) | ${p(catchUps)} |`);
  console.log(`| catch-up with nothing new | ${idle.toFixed(1)} ms |`);
  console.log(`| candidate page of 50, all facilities (${String(pages.length)} pages) | ${p(pages)} |`);
  console.log(`| candidate page of 50, one facility (${String(facilityPages.length)} pages) | ${p(facilityPages)} |`);
} finally {
  await database.close();
}
