import type { FastifyInstance } from 'fastify';
import type { AuditAlertRecord } from '../../shared/admin/conflicts-and-alerts-api';
import { z } from 'zod';
import { adminActor } from '../admin/admin-actor';
import { ADMIN_PREFIX } from '../admin/admin-routes';
import { authenticateAdmin } from '../admin/authenticate-admin';
import type { Database } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { HttpError } from '../http/http-error';
import { decodeCursor, encodeCursor } from '../admin/keyset-cursor';

const alertQuery = z.object({
  facility: z
    .string()
    .regex(/^\d{5}$/)
    .optional(),
  /** `open` (the default): not acknowledged yet */
  state: z.enum(['open', 'acknowledged', 'all']).default('open'),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
  /** The page after the one that gave it out (`nextCursor`) */
  cursor: z.string().max(2000).optional(),
});
const alertParams = z.object({ id: z.uuid() });
const acknowledgeBody = z.object({ note: z.string().trim().min(1).max(1000) }).strict();

export type { AuditAlertRecord } from '../../shared/admin/conflicts-and-alerts-api';

const ALERT_COLUMNS = `a.id, a.device_id AS "deviceId", d.name AS "deviceName", a.facility_code AS "facilityCode",
  a.kind, a.seq::int AS seq, a.details, ${isoTimestamp('a.detected_at')} AS "detectedAt",
  ${isoTimestamp('a.acknowledged_at')} AS "acknowledgedAt", a.acknowledged_by AS "acknowledgedBy",
  a.acknowledgement_note AS note`;

/**
 * Breaks found in devices' audit chains (server/audit/verify-audit-chain.ts), with the device,
 * and their acknowledgement by an admin with a note: an acknowledged alert leaves the open list
 * and is kept, with who acknowledged it, when and why.
 */
export function registerAuditAlertRoutes(
  app: FastifyInstance,
  database: Database,
  adminToken: string | undefined,
  clock: () => Date,
): void {
  app.get(`${ADMIN_PREFIX}/audit/alerts`, async (request) => {
    authenticateAdmin(request, adminToken);
    const query = alertQuery.parse(request.query);
    // Newest first, a page at a time after the cursor's (time, seq, id): the keyset the console pages with.
    const after = query.cursor ? decodeCursor(query.cursor, 3) : [null, null, null];
    const rows = await database.query<AuditAlertRecord & { key: string }>(
      `SELECT ${ALERT_COLUMNS}, a.detected_at::text AS key
       FROM audit_alerts a JOIN devices d ON d.id = a.device_id
       WHERE ($1::text IS NULL OR a.facility_code = $1)
         AND ($2::text = 'all' OR (a.acknowledged_at IS NULL) = ($2::text = 'open'))
         AND ($4::timestamptz IS NULL OR (a.detected_at, a.seq, a.id) < ($4::timestamptz, $5::bigint, $6::uuid))
       ORDER BY a.detected_at DESC, a.seq DESC, a.id DESC LIMIT $3`,
      [query.facility ?? null, query.state, query.limit + 1, ...after],
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor = rows.length > query.limit && last ? encodeCursor([last.key, String(last.seq), last.id]) : null;
    return { alerts: page.map(({ key: _key, ...alert }) => alert), nextCursor };
  });

  app.post(`${ADMIN_PREFIX}/audit-alerts/:id/acknowledge`, async (request) => {
    authenticateAdmin(request, adminToken);
    const { id } = alertParams.parse(request.params);
    const { note } = acknowledgeBody.parse(request.body);
    return database.transaction(async (tx) => {
      const [alert] = await tx.query<{ acknowledged: boolean }>(
        'SELECT acknowledged_at IS NOT NULL AS acknowledged FROM audit_alerts WHERE id = $1 FOR UPDATE',
        [id],
      );
      if (!alert) throw new HttpError(404, 'not-found', `No audit alert ${id}.`);
      if (alert.acknowledged)
        throw new HttpError(409, 'already-resolved', 'This alert has already been acknowledged.', { id });
      await tx.query(
        `UPDATE audit_alerts SET acknowledged_at = $2, acknowledged_by = $3, acknowledgement_note = $4 WHERE id = $1`,
        [id, clock().toISOString(), adminActor(request), note],
      );
      const [record] = await tx.query<AuditAlertRecord>(
        `SELECT ${ALERT_COLUMNS} FROM audit_alerts a JOIN devices d ON d.id = a.device_id WHERE a.id = $1`,
        [id],
      );
      return record;
    });
  });
}
