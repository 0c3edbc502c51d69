import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { openTestDatabase } from '../helpers/test-database';

/**
 * Behind HAProxy every request comes from the balancer's address. Rate limits count clients
 * by address, so a node must believe the balancer's X-Forwarded-For — and only the balancer's.
 */
describe('rate limits behind a balancer', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  const serve = async (trustProxy: string[] | undefined): Promise<FastifyInstance> => {
    const { database, drop } = await openTestDatabase();
    closers.push(drop);
    const app = await buildApp({ database, requestsPerMinute: 3, trustProxy });
    closers.push(() => app.close());
    return app;
  };
  const statusFor = async (app: FastifyInstance, client: string) =>
    (await app.inject({ method: 'GET', url: '/health', headers: { 'x-forwarded-for': client } })).statusCode;

  it('counts each client apart when the balancer is trusted', async () => {
    const app = await serve(['127.0.0.1']);
    for (let n = 0; n < 3; n++) expect(await statusFor(app, '10.0.0.1')).toBe(200);
    expect(await statusFor(app, '10.0.0.1')).toBe(429);
    expect(await statusFor(app, '10.0.0.2')).toBe(200);
  });

  it('ignores X-Forwarded-For from anyone it was not told to trust', async () => {
    const app = await serve(undefined);
    for (let n = 0; n < 3; n++) expect(await statusFor(app, `10.0.0.${String(n + 1)}`)).toBe(200);
    // A client cannot buy itself a new allowance by naming another address.
    expect(await statusFor(app, '10.0.0.9')).toBe(429);
  });
});
