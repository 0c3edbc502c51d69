import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database';
import { listConflicts } from '../sync/conflict-records';
import { authenticateAdmin } from './authenticate-admin';

export const ADMIN_PREFIX = '/admin/v1';

const conflictQuerySchema = z.object({
  facility: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  collection: z.string().max(40).optional(),
  documentId: z.string().max(40).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

/** The provincial sync admin's view of conflicts: which fields lost a merge, by whom, newest first. */
export function registerAdminRoutes(app: FastifyInstance, database: Database, adminToken: string | undefined): void {
  app.get(`${ADMIN_PREFIX}/conflicts`, async (request) => {
    authenticateAdmin(request, adminToken);
    const query = conflictQuerySchema.parse(request.query);
    const filter = {
      facility: query.facility ?? null,
      collection: query.collection ?? null,
      documentId: query.documentId ?? null,
      limit: query.limit,
    };
    // The provincial sync admin may not read patients or accounts (shared/staff/roles.ts): the
    // lost values stay with the facility's staff, who see them on the record.
    const rows = await listConflicts(database, filter, false);
    return { conflicts: rows };
  });
}
