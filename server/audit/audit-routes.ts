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

const patientParams = z.object({ id: z.string().min(1).max(40) });

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
    const access = await database.query<PatientAccessRecord>(
      `SELECT a.at, ${isoTimestamp('a.received_at')} AS "receivedAt", a.action, a.user_id AS "userId", a.username,
              s.body->>'displayName' AS "displayName", a.device_id AS "deviceId", d.name AS "deviceName",
              a.facility_code AS "facilityCode", a.chain_ok AS "chainOk"
       FROM audit_entries a
       JOIN devices d ON d.id = a.device_id
       LEFT JOIN sync_documents s ON s.collection = 'staff' AND s.id = a.user_id
       WHERE a.patient_id = $1
       ORDER BY a.received_at, a.device_id, a.seq`,
      [id],
    );
    return { patientId: id, access };
  });
}
