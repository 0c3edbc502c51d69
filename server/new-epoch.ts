import { openDatabase } from './db/open-database';
import { migrate } from './db/migrate';
import { startNewEpoch } from './db/epoch';

/**
 * `npm run server:new-epoch`, after restoring the database from a backup (pg_restore, or
 * copying back a PGlite data folder) and before starting the server again.
 */
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.SEN_DATA_DIR ?? '.sen-data/server',
});
await migrate(database);
console.log(`New epoch: ${await startNewEpoch(database)}`);
await database.close();
