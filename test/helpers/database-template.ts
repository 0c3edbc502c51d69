import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from '../../server/db/migrate';
import { pgliteDatabase } from '../../server/db/pglite-database';
import { openPostgresDatabase } from '../../server/db/postgres-database';

/**
 * A database every migration has run on, made once and copied for each test: running the
 * migrations is the same work every time, and an empty PGlite costs an initdb (over a second
 * on two cores) where starting from a copied data folder costs a fraction of that.
 */

/** PGlite's data folder after every migration, as an uncompressed tarball (see dumpDataDir). */
export async function migratedPgliteDump(): Promise<Blob> {
  const instance = await PGlite.create();
  try {
    await migrate(pgliteDatabase(instance));
    return await instance.dumpDataDir('none');
  } finally {
    await instance.close();
  }
}

/**
 * A migrated database on the PostgreSQL server at `serverUrl`, named for this run, to be used
 * with `CREATE DATABASE … TEMPLATE`; nothing may stay connected to it while copies are made.
 */
export async function createPostgresTemplate(serverUrl: string): Promise<{ name: string; drop: () => Promise<void> }> {
  const name = `sen_template_${randomUUID().replace(/-/g, '')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const drop = (): Promise<void> =>
    withAdmin(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  try {
    const database = openPostgresDatabase(databaseUrl(serverUrl, name));
    try {
      await migrate(database);
    } finally {
      await database.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  return { name, drop };
}

/** `serverUrl` pointing at the database `name` on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withAdmin(serverUrl: string, action: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await action(client);
  } finally {
    await client.end();
  }
}
