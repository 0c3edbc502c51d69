import type { FastifyRequest } from 'fastify';
import type { SqlExecutor } from '../db/database';

export interface ExportRead {
  route: string;
  format: 'fhir' | 'xml130';
  patientId?: string;
  facilityCode?: string;
  day?: string;
  /** `exported`, `refused` (incomplete) or `not-found`: a refused or empty read is still a read. */
  outcome: 'exported' | 'refused' | 'not-found';
}

/**
 * Writes the read to `export_reads` (migration 0016). The devices' hash-chained audit trail is
 * theirs alone (one chain per device), so the server's own reads are kept beside it, append-only.
 */
export async function recordExportRead(
  database: SqlExecutor,
  request: FastifyRequest,
  read: ExportRead,
): Promise<void> {
  await database.query(
    `INSERT INTO export_reads (actor, route, format, patient_id, facility_code, day, outcome, remote_address)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      'admin-token',
      read.route,
      read.format,
      read.patientId ?? '',
      read.facilityCode ?? '',
      read.day ?? '',
      read.outcome,
      request.ip,
    ],
  );
  request.log.info({ exportRead: read }, 'export read');
}
