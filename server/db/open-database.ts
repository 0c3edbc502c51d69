import type { Database } from './database';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

export interface DatabaseOptions {
  /** postgres://… ; when absent the embedded engine is used */
  databaseUrl?: string | undefined;
  /** PGlite data folder; absent means in memory */
  dataDir?: string | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgresDatabase(options.databaseUrl);
  return openPgliteDatabase(options.dataDir);
}
