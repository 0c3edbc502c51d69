import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { registerFeedRoutes } from './feed-routes';
import { registerReleaseRoutes } from './release-routes';
import { UpdatesFolder } from './updates-folder';

/** The update feed PCs read and the admin routes that publish to it, over one updates folder. */
export function registerUpdateRoutes(app: FastifyInstance, database: Database, updatesDir: string | undefined): void {
  const folder = new UpdatesFolder(updatesDir);
  registerFeedRoutes(app, database, folder);
  registerReleaseRoutes(app, database, folder);
}
