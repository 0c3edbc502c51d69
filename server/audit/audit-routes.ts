import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { syncPath } from '../../shared/sync/protocol';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin } from '../admin/authenticate-admin';
import { authenticateDevice } from '../auth/authenticate-device';
import type { Database } from '../db/database';
import type { SignatureChecker } from '../signing/signature-checker';
import { pushAuditEntries } from './push-audit-entries';
import { resolvePatientId } from './resolve-patient';
import { isoTimestamp } from '../db/iso-timestamp';
import { decodeCursor, encodeCursor } from '../admin/keyset-cursor';

const patientParams = z.object({ id: z.string().min(1).max(40) });
const accessQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** The page after the one that gave it out (`nextCursor`) */
  cursor: z.string().max(2000).optional(),
});

export interface PatientAccessRecord {
  at: string;
  receivedAt: string;
  action: string;
  userId: string;
  username: string;
  displayName: string | null;
  deviceId: string;
  deviceName: string;
  facilityCode: string;
  chainOk: boolean;
}

/**
 * The audit trail: devices push their hash-chained entries (push only: nothing is pulled back),
 * and the provincial admin asks who accessed a patient (chain breaks: audit-alert-routes.ts).
 */
export function registerAuditRoutes(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
  signatures: SignatureChecker,
): void {
  app.post(syncPath('audit', 'push'), async (request) => {
    const device = await authenticateDevice(request, database);
    const alerts = await pushAuditEntries(database, device, request.body, signatures);
    // The alert the province sees in its logs; the admin API lists them too.
    for (const alert of alerts) request.log.warn({ device: device.deviceId, alert }, 'audit chain break');
    return [];
  });

  app.get(`${ADMIN_PREFIX}/patients/:id/access`, async (request) => {
    authenticateAdmin(request, adminToken);
    // The id, or the patient code that every screen shows: the admin is told which id it named.
    const id = await resolvePatientId(database, patientParams.parse(request.params).id);
    const query = accessQuery.parse(request.query);
    // Oldest first, a page at a time after the cursor's (received, device, seq).
    const after = query.cursor ? decodeCursor(query.cursor, 3) : [null, null, null];
    const rows = await database.query<PatientAccessRecord & { key: string; seq: string }>(
      `SELECT a.at, ${isoTimestamp('a.received_at')} AS "receivedAt", a.action, a.user_id AS "userId", a.username,
              s.body->>'displayName' AS "displayName", a.device_id AS "deviceId", d.name AS "deviceName",
              a.facility_code AS "facilityCode", a.chain_ok AS "chainOk", a.received_at::text AS key, a.seq::text AS seq
       FROM audit_entries a
       JOIN devices d ON d.id = a.device_id
       LEFT JOIN sync_documents s ON s.collection = 'staff' AND s.id = a.user_id
       WHERE a.patient_id = $1
         AND ($3::timestamptz IS NULL OR (a.received_at, a.device_id, a.seq) > ($3::timestamptz, $4::uuid, $5::bigint))
       ORDER BY a.received_at, a.device_id, a.seq
       LIMIT $2`,
      [id, query.limit + 1, ...after],
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor = rows.length > query.limit && last ? encodeCursor([last.key, last.deviceId, last.seq]) : null;
    return { patientId: id, access: page.map(({ key: _key, seq: _seq, ...entry }) => entry), nextCursor };
  });
}
