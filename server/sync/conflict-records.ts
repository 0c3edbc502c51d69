import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';

/** A value that lost a merge, as the admin API and the facility's devices list it. */
export interface ConflictRecord {
  id: string;
  collection: string;
  documentId: string;
  facilityCode: string;
  field: string;
  /** The value that stayed, and the one that lost: only for those allowed to read the document */
  masterValue?: unknown;
  losingValue?: unknown;
  deviceId: string | null;
  clientTime: string | null;
  author: unknown;
  /** The staff member whose edit lost, and their name as the server holds it */
  staffId: string | null;
  staffName: string | null;
  recordedAt: string;
}

export interface ConflictFilter {
  facility: string | null;
  collection: string | null;
  documentId: string | null;
  limit: number;
}

/** Unresolved conflicts, newest first; `withValues` false leaves out what the document said. */
export async function listConflicts(
  database: SqlExecutor,
  filter: ConflictFilter,
  withValues: boolean,
): Promise<ConflictRecord[]> {
  const rows = await database.query<ConflictRecord>(
    `SELECT c.id, c.collection, c.document_id AS "documentId", c.scope AS "facilityCode", c.field,
            c.master_value AS "masterValue", c.losing_value AS "losingValue", c.device_id AS "deviceId",
            c.client_time AS "clientTime", c.author, c.author->>'staffId' AS "staffId",
            staff.body->>'displayName' AS "staffName", ${isoTimestamp('c.recorded_at')} AS "recordedAt"
     FROM sync_conflicts c
     LEFT JOIN sync_documents staff ON staff.collection = 'staff' AND staff.id = c.author->>'staffId'
     WHERE c.resolved_at IS NULL
       AND ($1::text IS NULL OR c.scope = $1) AND ($2::text IS NULL OR c.collection = $2)
       AND ($3::text IS NULL OR c.document_id = $3)
     ORDER BY c.recorded_at DESC, c.id LIMIT $4`,
    [filter.facility, filter.collection, filter.documentId, filter.limit],
  );
  if (withValues) return rows;
  return rows.map(({ masterValue: _kept, losingValue: _lost, ...record }) => record);
}
