import pg from 'pg';
import type { Database, SqlExecutor } from './database';
import { asDatabaseBusy } from './database-busy';

// int8 (sequence numbers, counts) as JS numbers: they stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

const RELISTEN_DELAY_MS = 1000;
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A PostgreSQL server reached through a connection pool. A lost connection (server restart,
 * failover) must neither crash the process nor leave notifications silently dead.
 */
export function openPostgresDatabase(
  connectionString: string,
  logError: (message: string, error: unknown) => void = console.error,
): Database {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    // A database that went away (failover, a dead machine) must fail a request in bounded time,
    // so that the client retries, rather than hold it until TCP gives up.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  // An idle client's error would otherwise be an uncaught 'error' event; the pool replaces it.
  pool.on('error', (error) => logError('PostgreSQL: an idle connection failed', error));
  const executor = (target: pg.Pool | pg.PoolClient): SqlExecutor => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, [...params]).catch((error: unknown) => {
        throw asDatabaseBusy(error);
      });
      return result.rows;
    },
  });
  return {
    engine: 'postgres',
    ...executor(pool),
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect().catch((error: unknown) => {
        throw asDatabaseBusy(error);
      });
      // The pool listens for errors only on idle clients: an 'error' of a connection lost while
      // checked out (backend terminated, primary killed) would have no listener. Its queries
      // reject anyway; note the loss, skip the ROLLBACK and destroy the client on release.
      let lost: unknown;
      const onLost = (error: unknown): void => {
        lost = error;
      };
      client.on('error', onLost);
      try {
        await client.query('BEGIN');
        const result = await fn(executor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        if (lost === undefined) await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.off('error', onLost);
        client.release(lost === undefined ? undefined : (lost as Error));
      }
    },
    listen: (channel, onNotify) => listenWithReconnect(pool, channel, onNotify, logError),
    close: () => pool.end(),
  };
}

/**
 * LISTEN on a dedicated connection (LISTEN belongs to a session). When that connection is lost,
 * LISTEN again on a new one, and report '*' — "anything may have changed" — since notifications
 * sent in the gap are gone.
 */
async function listenWithReconnect(
  pool: pg.Pool,
  channel: string,
  onNotify: (payload: string) => void,
  logError: (message: string, error: unknown) => void,
): Promise<() => Promise<void>> {
  let client: pg.PoolClient | undefined;
  let stopped = false;
  const handler = (message: pg.Notification): void => {
    if (message.channel === channel) onNotify(message.payload ?? '');
  };
  const connect = async (): Promise<void> => {
    const next = await pool.connect();
    const lost = (error?: unknown): void => {
      if (client !== next) return;
      client = undefined;
      next.release(true);
      if (stopped) return;
      logError('PostgreSQL: the LISTEN connection was lost; listening again', error);
      onNotify('*');
      setTimeout(() => void reconnect(), RELISTEN_DELAY_MS);
    };
    next.on('notification', handler);
    next.on('error', lost);
    next.on('end', () => lost());
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  const reconnect = async (): Promise<void> => {
    while (!stopped && !client) {
      try {
        await connect();
        onNotify('*');
      } catch (error) {
        logError('PostgreSQL: LISTEN failed; retrying', error);
        await new Promise((resolve) => setTimeout(resolve, RELISTEN_DELAY_MS));
      }
    }
  };
  await connect();
  return async () => {
    stopped = true;
    const current = client;
    client = undefined;
    if (!current) return;
    current.off('notification', handler);
    await current.query(`UNLISTEN ${pg.escapeIdentifier(channel)}`).catch(() => undefined);
    current.release();
  };
}
