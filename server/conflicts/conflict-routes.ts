import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { adminActor } from '../admin/admin-actor';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import type { ServerKey } from '../signing/server-key';
import { listConflictGroups } from './conflict-groups';
import { dismissConflict, restoreConflict, type Resolution } from './resolve-conflict';

const groupQuery = z
  .object({
    facility: z
      .string()
      .regex(/^\d{5}$/)
      .optional(),
    collection: z.string().min(1).max(40).optional(),
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
const conflictParams = z.object({ id: z.uuid() });
const resolutionBody = z.object({ note: z.string().trim().max(1000).default('') }).strict();

/**
 * The province's work on conflicts: open ones grouped by document with both values side by
 * side (the admin must see them to choose; issue 13), and restoring or dismissing one, each
 * recorded with the admin, the server's time and a note. A resolved conflict answers 409.
 */
export function registerConflictRoutes(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
  serverKey: ServerKey,
  clock: () => Date,
): void {
  app.get(`${ADMIN_PREFIX}/conflicts/by-document`, async (request) => {
    authenticateAdmin(request, adminToken);
    const query = groupQuery.parse(request.query);
    return listConflictGroups(database, {
      facility: query.facility ?? null,
      collection: query.collection ?? null,
      cursor: query.cursor ?? null,
      limit: query.limit,
    });
  });

  const resolution = (request: Parameters<typeof adminActor>[0]): Resolution => ({
    actor: adminActor(request),
    note: resolutionBody.parse(request.body ?? {}).note,
    at: clock(),
  });

  app.post(`${ADMIN_PREFIX}/conflicts/:id/restore`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { id } = conflictParams.parse(request.params);
    return restoreConflict(database, serverKey, id, resolution(request));
  });

  app.post(`${ADMIN_PREFIX}/conflicts/:id/dismiss`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { id } = conflictParams.parse(request.params);
    return dismissConflict(database, serverKey, id, resolution(request));
  });
}
