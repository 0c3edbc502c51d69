import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../server/db/database';
import { startNewEpoch } from '../../server/db/epoch';
import { openDatabase } from '../../server/db/open-database';
import { pgliteDatabase } from '../../server/db/pglite-database';
import { databaseUrl, withAdmin } from './database-template';
import { provided } from './provided';

/**
 * A database of one test's own, migrated and empty: PGlite in memory by default, or, when
 * SEN_TEST_DATABASE_URL names a PostgreSQL server (CI's second pass), a new database created
 * on it and dropped afterwards. Each is a copy of the database the run's global setup migrated
 * once (database-template-setup.ts), given an epoch of its own as a fresh migration would; without
 * that setup it starts empty and the server migrates it.
 */
export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.SEN_TEST_DATABASE_URL;
  if (!serverUrl) {
    const dump = await pgliteTemplate();
    const database = dump ? pgliteDatabase(await PGlite.create({ loadDataDir: dump })) : await openDatabase({});
    if (dump) await startNewEpoch(database);
    return { database, drop: () => database.close() };
  }
  const template = provided('postgresTemplateName');
  const created = await createPostgresTestDatabase(serverUrl, template);
  const database = await openDatabase({ databaseUrl: created.url });
  if (template) await startNewEpoch(database);
  return {
    database,
    drop: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/**
 * A new database on the PostgreSQL server at `serverUrl`, empty or a copy of `template`, and
 * how to drop it.
 */
export async function createPostgresTestDatabase(
  serverUrl: string,
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sen_test_${randomUUID().replace(/-/g, '')}`;
  const copy = template ? ` TEMPLATE ${template}` : '';
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}${copy}`));
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

let pgliteDump: Promise<Blob | undefined> | undefined;

/** The migrated data folder the global setup left on disk, read once per test file. */
function pgliteTemplate(): Promise<Blob | undefined> {
  pgliteDump ??= (async () => {
    const path = provided('pgliteTemplatePath');
    return path ? new Blob([await readFile(path)]) : undefined;
  })();
  return pgliteDump;
}
