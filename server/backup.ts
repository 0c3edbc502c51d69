import { BackupError, backupDatabase, restoreDatabase, type BackupTarget } from './backup/database-backup';

/**
 * `npm run server:backup -- <file>` and `npm run server:restore -- <file>`: the province's
 * database to a file and back, with the same DATABASE_URL / SEN_DATA_DIR as the server. A PGlite
 * server must be stopped for both; a PostgreSQL server is backed up while it runs and restored
 * with the Sen server stopped.
 */
const [command, file] = process.argv.slice(2);
const target: BackupTarget = process.env.DATABASE_URL
  ? { databaseUrl: process.env.DATABASE_URL }
  : { dataDir: process.env.SEN_DATA_DIR ?? '.sen-data/server' };
const where = target.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${target.dataDir}`;

if ((command !== 'backup' && command !== 'restore') || !file) {
  console.error('Usage: npm run server:backup -- <file>   |   npm run server:restore -- <file>');
  process.exit(2);
}
try {
  if (command === 'backup') {
    const { bytes } = await backupDatabase(target, file);
    console.log(`Backed up ${where} to ${file} (${String(bytes)} bytes).`);
  } else {
    const { epoch, setAside } = await restoreDatabase(target, file);
    console.log(`Restored ${where} from ${file}; new epoch ${epoch}.`);
    if (setAside) console.log(`The data folder it replaced is kept in ${setAside}.`);
  }
} catch (error) {
  console.error(error instanceof BackupError ? `${error.code}: ${error.message}` : error);
  process.exit(1);
}
