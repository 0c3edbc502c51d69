import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { resolve } from 'node:path';
import type { ClientConfig } from '../shared/client-config';

/**
 * Serves the built renderer to a plain browser, with the `sen-config.json` that the Electron
 * main process would otherwise provide. Used by `npm start` when the Electron binary is
 * missing, and by the end-to-end tests.
 */
export async function serveClient(options: {
  distDir: string;
  config: ClientConfig;
  port: number;
}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.get('/sen-config.json', (_request, reply) => {
    void reply.header('cache-control', 'no-store').send(options.config);
  });
  await app.register(fastifyStatic, { root: resolve(options.distDir), index: 'index.html' });
  await app.listen({ host: '127.0.0.1', port: options.port });
  return app;
}

export function listeningUrl(app: FastifyInstance): string {
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('not listening on TCP');
  return `http://127.0.0.1:${address.port}`;
}
