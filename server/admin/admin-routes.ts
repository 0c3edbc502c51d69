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
  recordedAt: string;
}

/** The provincial sync admin's view of conflicts: every value that lost a merge, newest first. */
export function registerAdminRoutes(app: FastifyInstance, database: Database, adminToken: string | undefined): void {
  app.get(`${ADMIN_PREFIX}/conflicts`, async (request) => {
    authenticateAdmin(request, adminToken);
    const query = conflictQuerySchema.parse(request.query);
    const rows = await database.query<ConflictRecord>(
      `SELECT id, collection, document_id AS "documentId", scope AS "facilityCode", field,
              master_value AS "masterValue", losing_value AS "losingValue", device_id AS "deviceId",
              client_time AS "clientTime", author, recorded_at::text AS "recordedAt"
       FROM sync_conflicts
       WHERE resolved_at IS NULL
         AND ($1::text IS NULL OR scope = $1) AND ($2::text IS NULL OR collection = $2)
         AND ($3::text IS NULL OR document_id = $3)
       ORDER BY recorded_at DESC, id LIMIT $4`,
      [query.facility ?? null, query.collection ?? null, query.documentId ?? null, query.limit],
    );
    return { conflicts: rows };
  });
}
