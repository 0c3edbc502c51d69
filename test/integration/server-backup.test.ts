import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BackupError, backupDatabase, restoreDatabase, type BackupTarget } from '../../server/backup/database-backup';
import type { Database } from '../../server/db/database';
import { readEpoch } from '../../server/db/epoch';
import { openDatabase } from '../../server/db/open-database';
import { numberedRegistrationForm } from '../helpers/patient-forms';
import { createPostgresTestDatabase } from '../helpers/test-database';
import { TestClient } from '../helpers/test-client';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

/**
 * The documented backup and restore of the province's database (`npm run server:backup` /
 * `server:restore`), on PGlite's data folder, or on PostgreSQL with pg_dump/pg_restore in CI's
 * PostgreSQL pass: what the backup lacks comes back from the PCs, once.
 */
describe(`the server's database backed up and restored (${process.env.SEN_TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  let folder: string;
  let target: BackupTarget;
  let dropTarget: () => Promise<void>;
  let server: TestServer | undefined;
  let client: TestClient | undefined;

  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'sen-backup-'));
    const postgres = process.env.SEN_TEST_DATABASE_URL;
    if (postgres) {
      const created = await createPostgresTestDatabase(postgres);
      target = { databaseUrl: created.url };
      dropTarget = created.drop;
    } else {
      target = { dataDir: join(folder, 'server') };
      dropTarget = () => Promise.resolve();
    }
  });
  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
    await dropTarget();
    await rm(folder, { recursive: true, force: true });
  });

  const open = (): Promise<Database> => openDatabase(target);
  async function patientsAtServer(): Promise<string[]> {
    const database = server?.database;
    if (!database) throw new Error('no server');
    const rows = await database.query<{ id: string }>(
      `SELECT id FROM sync_documents WHERE collection = 'patients' AND NOT deleted ORDER BY id`,
    );
    return rows.map((row) => row.id);
  }
  async function register(n: number): Promise<string> {
    if (!client) throw new Error('no client');
    const registered = await client.patients.register(numberedRegistrationForm('Sao lưu', n));
    if (!registered.ok) throw new Error('fixture');
    await waitFor(async () => (await client?.outbox.count()) === 0, 'the patient reached the server');
    return registered.patient.id;
  }
  /** PGlite has one process: the server is stopped around a backup; PostgreSQL is dumped live. */
  async function backup(file: string): Promise<void> {
    if (!server) throw new Error('no server');
    if (target.databaseUrl) {
      await backupDatabase(target, file);
      return;
    }
    const port = Number(new URL(server.url).port);
    await server.close();
    await backupDatabase(target, file);
    server = await TestServer.startOn(await open(), port);
  }

  it('restores the backup, and the PC sends back what the backup lacks, stored once', async () => {
    server = await TestServer.startOn(await open());
    client = await TestClient.open(server.url, await server.enroll('reception'));
    await client.goOnline();
    const before = await register(1);
    const file = join(folder, 'province.backup');
    await backup(file);
    expect((await stat(file)).size).toBeGreaterThan(0);

    const after = await register(2);
    expect(await patientsAtServer()).toEqual([before, after].sort());
    const oldEpoch = await readEpoch(server.database);

    const port = Number(new URL(server.url).port);
    await client.goOffline();
    await server.close();
    const restored = await restoreDatabase(target, file);
    if (target.dataDir) expect((await stat(restored.setAside ?? '')).isDirectory()).toBe(true);
    server = await TestServer.startOn(await open(), port);
    expect(restored.epoch).not.toBe(oldEpoch);
    expect(await readEpoch(server.database)).toBe(restored.epoch);
    expect(await patientsAtServer()).toEqual([before]);

    // The PC learns of the new epoch, downloads again and pushes back the patient the backup lacks.
    await client.goOnline();
    await waitFor(async () => (await patientsAtServer()).length === 2, 'the lost patient is back');
    expect(await patientsAtServer()).toEqual([before, after].sort());
    const [copies] = await server.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM sync_documents WHERE collection = 'patients'`,
    );
    expect(copies?.count).toBe(2);
    expect(await client.database.patients.count().exec()).toBe(2);
  });

  it('refuses a file that is not a backup and leaves the database as it was', async () => {
    server = await TestServer.startOn(await open());
    client = await TestClient.open(server.url, await server.enroll('reception'));
    await client.goOnline();
    const only = await register(1);
    await client.goOffline();
    const epoch = await readEpoch(server.database);
    await server.close();
    server = undefined;

    const garbage = join(folder, 'not-a-backup');
    await writeFile(garbage, 'PGDMP? no: a few bytes of something else');
    console.time('restore-garbage');
    const refused = await restoreDatabase(target, garbage).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(BackupError);
    expect((refused as BackupError).code).toBe(target.databaseUrl ? 'backup-tool-failed' : 'backup-unreadable');
    console.timeEnd('restore-garbage');
    const missing = await restoreDatabase(target, join(folder, 'absent')).catch((error: unknown) => error);
    expect((missing as BackupError).code).toBe('backup-unreadable');

    server = await TestServer.startOn(await open());
    expect(await readEpoch(server.database)).toBe(epoch);
    expect(await patientsAtServer()).toEqual([only]);
  });
});
