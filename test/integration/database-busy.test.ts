import Fastify from 'fastify';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { asDatabaseBusy, DatabaseBusyError } from '../../server/db/database-busy';
import { sendError } from '../../server/http/http-error';

/**
 * A server whose connection pool is exhausted longer than its connect timeout (overload, or a
 * database failing over) answers 503 with Retry-After, which the client retries, instead of a
 * 500 "unexpected error": nothing of the request was done.
 */
describe.runIf(process.env.SEN_TEST_DATABASE_URL)('a database with no free connection (PostgreSQL)', () => {
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  it("turns pg-pool's connect timeout into 503 with Retry-After", async () => {
    const pool = new pg.Pool({
      connectionString: process.env.SEN_TEST_DATABASE_URL,
      max: 1,
      connectionTimeoutMillis: 2000,
    });
    closers.push(() => pool.end());
    const held = await pool.connect();
    closers.push(async () => {
      held.release();
      await Promise.resolve();
    });
    const waited = await pool.connect().then(
      (client) => {
        client.release();
        return null;
      },
      (error: unknown) => asDatabaseBusy(error),
    );
    expect(waited).toBeInstanceOf(DatabaseBusyError);

    const app = Fastify();
    closers.push(() => app.close());
    app.setErrorHandler(sendError);
    app.get('/busy', () => {
      throw waited;
    });
    const answer = await app.inject({ method: 'GET', url: '/busy' });
    expect(answer.statusCode).toBe(503);
    expect(answer.headers['retry-after']).toBe('2');
    expect(answer.json()).toMatchObject({ code: 'internal-error' });
  });

  it('takes a new connection that could not be opened in time for busy too, and leaves every other error', () => {
    expect(asDatabaseBusy(new Error('Connection terminated due to connection timeout'))).toBeInstanceOf(
      DatabaseBusyError,
    );
    const other = new Error('connection refused');
    expect(asDatabaseBusy(other)).toBe(other);
  });
});
