import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { ClusterProcess, giveTo, type RunAs } from './child-process';
import { postgresBinDir } from './postgres-binaries';
import { waitUntil } from './ports';

export interface PostgresInstance {
  /** postgres://… of the `postgres` database, with the generated password */
  readonly url: string;
  readonly process: ClusterProcess;
}

/**
 * One PostgreSQL server of the cluster's own (stateless-nodes mode): initdb in `folder`, password
 * authentication on loopback only, run in the foreground as a child of the script.
 */
export async function startPostgres(
  folder: string,
  port: number,
  password: string,
  account: RunAs | undefined,
): Promise<PostgresInstance> {
  const bin = postgresBinDir();
  const dataDir = join(folder, 'data');
  mkdirSync(folder, { recursive: true });
  const passwordFile = join(folder, 'superuser-password');
  writeFileSync(passwordFile, password, { mode: 0o600 });
  giveTo(folder, account);
  const asAccount = account ? { uid: account.uid, gid: account.gid } : {};
  execFileSync(
    join(bin, 'initdb'),
    ['-D', dataDir, '-U', 'postgres', '--pwfile', passwordFile, '--auth', 'scram-sha-256', '-E', 'UTF8', '--no-sync'],
    { stdio: ['ignore', 'ignore', 'inherit'], ...asAccount },
  );
  const process = ClusterProcess.start(
    'postgres',
    join(bin, 'postgres'),
    ['-D', dataDir, '-p', String(port), '-k', folder, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    { account, logFile: join(folder, 'postgres.log') },
  );
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await waitUntil(() => canConnect(url), 'PostgreSQL', 60_000);
  return { url, process };
}

/** True when a session opens and answers a query. */
export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
