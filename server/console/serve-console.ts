import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:console` puts the admin console (vite.console.config.ts). */
export const CONSOLE_DIST = fileURLToPath(new URL('../../dist/console/', import.meta.url));
export const CONSOLE_PATH = '/console/';

/**
 * The sync admin console: static files under /console/, talking to /admin/v1 on the same
 * origin (so no CORS and no stored server address). Unbuilt, the page says how to build it.
 */
export async function serveConsole(app: FastifyInstance): Promise<void> {
  app.get('/console', (_request, reply) => reply.redirect(CONSOLE_PATH));
  if (existsSync(`${CONSOLE_DIST}index.html`)) {
    await app.register(fastifyStatic, { root: CONSOLE_DIST, prefix: CONSOLE_PATH, index: 'index.html' });
    return;
  }
  app.get(`${CONSOLE_PATH}*`, (_request, reply) =>
    reply
      .status(503)
      .type('text/plain; charset=utf-8')
      .send('The admin console is not built: run `npm run build:console` (or `npm run build`).'),
  );
}
