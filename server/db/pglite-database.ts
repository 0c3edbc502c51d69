import { PGlite } from '@electric-sql/pglite';
import { mkdir } from 'node:fs/promises';
import type { Database, SqlExecutor } from './database';

/** Embedded PostgreSQL (WASM). `dataDir` undefined keeps the database in memory. */
export async function openPgliteDatabase(dataDir: string | undefined): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  return pgliteDatabase(await PGlite.create(dataDir));
}

/** The server's view of a PGlite instance however it was started; closing it closes the instance. */
export function pgliteDatabase(pg: PGlite): Database {
  const executor = (target: Pick<PGlite, 'query'>): SqlExecutor => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return result.rows;
    },
  });
  return {
    engine: 'pglite',
    ...executor(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(executor(tx))),
    async listen(channel, onNotify) {
      const unsubscribe = await pg.listen(channel, onNotify);
      return unsubscribe;
    },
    close: () => pg.close(),
  };
}
