import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { access, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { startNewEpoch } from '../db/epoch';
import { migrate } from '../db/migrate';
import { openDatabase, type DatabaseOptions } from '../db/open-database';

const run = promisify(execFile);

/** The province's database as the server is configured: PostgreSQL by URL, or a PGlite data folder. */
export type BackupTarget = { databaseUrl: string; dataDir?: undefined } | { databaseUrl?: undefined; dataDir: string };

export class BackupError extends Error {
  constructor(
    readonly code: 'backup-unreadable' | 'backup-tool-failed' | 'no-database',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Writes a whole-database backup to `file`: `pg_dump`'s custom format for PostgreSQL (taken
 * from a running server, consistent as of one snapshot), PGlite's data folder as a gzipped
 * tarball (the server must be stopped: PGlite has one process). Written beside the target and
 * renamed, so a failed backup never leaves a file that looks whole.
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<{ bytes: number }> {
  const partial = `${file}.partial-${randomUUID()}`;
  try {
    if (target.databaseUrl !== undefined) {
      await tool('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`, `--dbname=${target.databaseUrl}`]);
    } else {
      await requireDataDir(target.dataDir);
      const pg = await PGlite.create(target.dataDir);
      try {
        await writeFile(partial, new Uint8Array(await (await pg.dumpDataDir('gzip')).arrayBuffer()));
      } finally {
        await pg.close();
      }
    }
    await rename(partial, file);
  } finally {
    await rm(partial, { force: true });
  }
  return { bytes: (await stat(file)).size };
}

/**
 * Replaces the database with the backup in `file`, then migrates it (a backup from an older
 * version) and starts a new epoch, so that every PC downloads again and pushes back what the
 * backup lacks (docs/decisions/0003). Nothing is half-restored: PostgreSQL restores in one
 * transaction; a PGlite backup is read whole into memory first, and the data folder it replaces
 * is kept beside it (`<folder>.before-restore-<time>`), never deleted.
 */
export async function restoreDatabase(
  target: BackupTarget,
  file: string,
  now: Date = new Date(),
): Promise<{ epoch: string; setAside?: string }> {
  if (target.databaseUrl !== undefined) {
    await readable(file);
    await tool('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${target.databaseUrl}`,
      file,
    ]);
    return { epoch: await migrateWithNewEpoch({ databaseUrl: target.databaseUrl }) };
  }
  const backup = new Blob([new Uint8Array(await readable(file))]);
  await checkPgliteBackup(backup);
  let setAside: string | undefined;
  if (await exists(target.dataDir)) {
    setAside = `${target.dataDir}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    await rename(target.dataDir, setAside);
  }
  const pg = await PGlite.create(target.dataDir, { loadDataDir: backup });
  await pg.close();
  const epoch = await migrateWithNewEpoch({ dataDir: target.dataDir });
  return setAside ? { epoch, setAside } : { epoch };
}

async function migrateWithNewEpoch(options: DatabaseOptions): Promise<string> {
  const database = await openDatabase(options);
  try {
    await migrate(database);
    return await startNewEpoch(database);
  } finally {
    await database.close();
  }
}

/** A PGlite backup is opened in memory and must hold Sen's tables before anything is replaced. */
async function checkPgliteBackup(backup: Blob): Promise<void> {
  let pg: PGlite | undefined;
  try {
    pg = await PGlite.create({ loadDataDir: backup });
    await pg.query(`SELECT value FROM server_meta WHERE key = 'epoch'`);
  } catch {
    throw new BackupError('backup-unreadable', 'The file is not a backup of a Sen server database.');
  } finally {
    await pg?.close().catch(() => undefined);
  }
}

async function readable(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch {
    throw new BackupError('backup-unreadable', `Cannot read the backup file ${file}.`);
  }
}

async function requireDataDir(dataDir: string): Promise<void> {
  if (!(await exists(dataDir)) || (await readdir(dataDir)).length === 0) {
    throw new BackupError('no-database', `No database in ${dataDir}.`);
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

async function tool(command: string, args: string[]): Promise<void> {
  try {
    await run(command, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError('backup-tool-failed', `${command} failed: ${stderr || String(error)}`);
  }
}
