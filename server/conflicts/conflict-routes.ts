import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { adminActor } from '../admin/admin-actor';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin, PROVINCE_ADMIN } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import type { ServerKey } from '../signing/server-key';
import { listConflictGroups, type ConflictGroup } from './conflict-groups';
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
    const admin = authenticateAdmin(request, adminToken);
    const query = groupQuery.parse(request.query);
    const page = await listConflictGroups(database, {
      facility: query.facility ?? null,
      collection: query.collection ?? null,
      cursor: query.cursor ?? null,
      limit: query.limit,
    });
    // Values are patient data: a province admin sees them to choose; a sync admin, who keeps
    // the PCs in sync and may not read records (shared/staff/roles.ts), sees only where and who.
    return admin.role === 'sync-admin' ? withoutValues(page) : page;
  });

  const resolution = (request: Parameters<typeof adminActor>[0]): Resolution => ({
    actor: adminActor(request),
    note: resolutionBody.parse(request.body ?? {}).note,
    at: clock(),
  });

  app.post(`${ADMIN_PREFIX}/conflicts/:id/restore`, async (request) => {
    // Restoring means choosing between two values: only someone allowed to see them.
    authenticateAdmin(request, adminToken, PROVINCE_ADMIN);
    const { id } = conflictParams.parse(request.params);
    return restoreConflict(database, serverKey, id, resolution(request));
  });

  app.post(`${ADMIN_PREFIX}/conflicts/:id/dismiss`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { id } = conflictParams.parse(request.params);
    return dismissConflict(database, serverKey, id, resolution(request));
  });
}

function withoutValues<T extends { documents: ConflictGroup[] }>(page: T): T {
  return {
    ...page,
    documents: page.documents.map((group) => ({
      ...group,
      conflicts: group.conflicts.map((conflict) => ({
        ...conflict,
        masterValue: null,
        losingValue: null,
        currentValue: null,
        valuesHidden: true,
      })),
    })),
  };
}
