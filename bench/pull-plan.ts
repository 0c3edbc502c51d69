import { migrate } from '../server/db/migrate';
import { openDatabase } from '../server/db/open-database';
import { createPostgresTestDatabase } from '../test/helpers/test-database';

/**
 * `SEN_BENCH_DATABASE_URL=postgres://… npx tsx bench/pull-plan.ts`
 *
 * The plan PostgreSQL chooses for a pull page (pull-documents.ts) with 100,000 feed rows spread
 * over 20 facilities and two collections: it must read one index range of sync_feed and join
 * sync_documents by primary key, with no sort and no sequential scan.
 */
const serverUrl = process.env.SEN_BENCH_DATABASE_URL;
if (!serverUrl) throw new Error('Set SEN_BENCH_DATABASE_URL to a PostgreSQL server.');
const created = await createPostgresTestDatabase(serverUrl);
const database = await openDatabase({ databaseUrl: created.url });
try {
  await migrate(database);
  await database.exec(`
    INSERT INTO sync_scopes (scope, last_seq) SELECT 'F' || f, 5000 FROM generate_series(1, 20) AS f ON CONFLICT DO NOTHING;
    INSERT INTO sync_documents (collection, id, scope, body)
      SELECT CASE WHEN n % 2 = 0 THEN 'patients' ELSE 'encounters' END, 'doc-' || n, 'F' || (n % 20 + 1),
             jsonb_build_object('id', 'doc-' || n, 'note', repeat('x', 200))
      FROM generate_series(1, 100000) AS n;
    INSERT INTO sync_feed (scope, collection, id, seq, change_id)
      SELECT scope, collection, id, row_number() OVER (PARTITION BY scope ORDER BY id), md5(id) FROM sync_documents;
    ANALYZE;
  `);
  const plan = await database.query<{ 'QUERY PLAN': string }>(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
     SELECT d.body, d.deleted, f.seq, f.change_id, d.lineage, d.signature
     FROM sync_feed f JOIN sync_documents d ON d.collection = f.collection AND d.id = f.id
     WHERE f.scope = 'F7' AND f.collection = 'patients' AND f.seq > 1000 ORDER BY f.seq LIMIT 201`,
  );
  for (const row of plan) console.log(row['QUERY PLAN']);
} finally {
  await database.close();
  await created.drop();
}
