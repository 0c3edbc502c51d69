/**
 * No connection of the pool became free in time: the server is overloaded, or the database is
 * failing over. Nothing of the request was done, so it is answered 503 with Retry-After (which
 * the client retries), not as a server failure.
 */
export class DatabaseBusyError extends Error {
  constructor(cause: unknown) {
    super('No database connection became free in time.', { cause });
    this.name = 'DatabaseBusyError';
  }
}

/**
 * `connectionTimeoutMillis` passed: waiting for a free connection of the pool (pg-pool's
 * message), or opening a new one (pg's).
 */
const CONNECT_TIMEOUTS = new Set([
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
]);

export function asDatabaseBusy(error: unknown): unknown {
  return error instanceof Error && CONNECT_TIMEOUTS.has(error.message) ? new DatabaseBusyError(error) : error;
}
