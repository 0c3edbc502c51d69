import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database';
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

export interface ConflictRecord {
  id: string;
  collection: string;
  documentId: string;
  facilityCode: string;
  field: string;
  masterValue: unknown;
  losingValue: unknown;
  deviceId: string | null;
  clientTime: string | null;
  author: unknown;
  /** The staff member whose edit lost, and their name as the server holds it */
  staffId: string | null;
  staffName: string | null;
  recordedAt: string;
}

/** The provincial sync admin's view of conflicts: every value that lost a merge, newest first. */
export function registerAdminRoutes(app: FastifyInstance, database: Database, adminToken: string | undefined): void {
  app.get(`${ADMIN_PREFIX}/conflicts`, async (request) => {
    authenticateAdmin(request, adminToken);
    const query = conflictQuerySchema.parse(request.query);
    const rows = await database.query<ConflictRecord>(
      `SELECT c.id, c.collection, c.document_id AS "documentId", c.scope AS "facilityCode", c.field,
              c.master_value AS "masterValue", c.losing_value AS "losingValue", c.device_id AS "deviceId",
              c.client_time AS "clientTime", c.author, c.author->>'staffId' AS "staffId",
              staff.body->>'displayName' AS "staffName", c.recorded_at::text AS "recordedAt"
       FROM sync_conflicts c
       LEFT JOIN sync_documents staff ON staff.collection = 'staff' AND staff.id = c.author->>'staffId'
       WHERE c.resolved_at IS NULL
         AND ($1::text IS NULL OR c.scope = $1) AND ($2::text IS NULL OR c.collection = $2)
         AND ($3::text IS NULL OR c.document_id = $3)
       ORDER BY c.recorded_at DESC, c.id LIMIT $4`,
      [query.facility ?? null, query.collection ?? null, query.documentId ?? null, query.limit],
    );
    return { conflicts: rows };
  });
}
