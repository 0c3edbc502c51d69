import { randomUUID } from 'node:crypto';
import type { SqlExecutor } from './database';

export async function readEpoch(database: SqlExecutor): Promise<string> {
  const [row] = await database.query<{ value: string }>(`SELECT value FROM server_meta WHERE key = 'epoch'`);
  if (!row) throw new Error('The database has no epoch: run the migrations first.');
  return row.value;
}

/**
 * Gives the database a new history. Run after restoring a backup: devices holding checkpoints
 * from the lost history are answered 410, download everything again and push back what they
 * have that the backup lacks.
 */
export async function startNewEpoch(database: SqlExecutor): Promise<string> {
  const epoch = randomUUID();
  await database.query(`UPDATE server_meta SET value = $1 WHERE key = 'epoch'`, [epoch]);
  return epoch;
}
