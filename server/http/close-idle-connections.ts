import type { FastifyInstance } from 'fastify';

const SWEEP_MS = 20;

/**
 * Closing the server ends the keep-alive connections that are idle at that moment, then waits
 * for the others. A connection still answering a request then becomes idle a moment later and
 * would hold the close for the whole keep-alive timeout (Fastify's default: 72 s), measured in
 * the backup tests: 3 of 8 stops took 70–78 s. Sweep the idle ones until the server is closed.
 */
export function closeIdleConnectionsWhileClosing(app: FastifyInstance): void {
  app.addHook('preClose', (done) => {
    const sweeper = setInterval(() => app.server.closeIdleConnections(), SWEEP_MS);
    app.server.once('close', () => clearInterval(sweeper));
    done();
  });
}
