import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ADMIN_API_PREFIX, type AdminAuditEntry } from '../../shared/admin/admin-api';
import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { HttpError } from '../http/http-error';

const SECRET_FIELD = /password|secret|token/i;
const MAX_TEXT = 200;

/** What a request changed, for the trail: secrets left out, long texts (a catalog CSV) cut. */
export function auditDetail(body: unknown): unknown {
  if (typeof body === 'string') return { textLength: body.length };
  if (Array.isArray(body)) return { items: body.length };
  if (body === null || typeof body !== 'object') return body ?? null;
  const detail: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (SECRET_FIELD.test(key)) detail[key] = '(hidden)';
    else if (typeof value === 'string') detail[key] = value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
    else if (Array.isArray(value)) detail[key] = value.length <= 20 ? value : { items: value.length };
    else detail[key] = typeof value === 'object' && value !== null ? '(object)' : value;
  }
  return detail;
}

export async function recordAdminAction(
  db: SqlExecutor,
  entry: { adminId: string | null; adminName: string; action: string; target: string | null; detail?: unknown },
): Promise<void> {
  await db.query(
    'INSERT INTO admin_audit (admin_id, admin_name, action, target, detail) VALUES ($1, $2, $3, $4, $5::jsonb)',
    [entry.adminId, entry.adminName, entry.action, entry.target, JSON.stringify(entry.detail ?? null)],
  );
}

export function listAdminAudit(db: SqlExecutor, limit: number, before: number | null): Promise<AdminAuditEntry[]> {
  return db.query<AdminAuditEntry>(
    `SELECT id::int AS id, ${isoTimestamp('at')} AS at, admin_id AS "adminId", admin_name AS "adminName", action, target, detail
     FROM admin_audit WHERE ($2::bigint IS NULL OR id < $2) ORDER BY id DESC LIMIT $1`,
    [limit, before],
  );
}

function targetOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, string> | undefined;
  const values = params ? Object.values(params) : [];
  return values.length > 0 ? values.join('/') : null;
}

/**
 * Every admin request that changes something and succeeds is written to the trail with the
 * admin's name, before its answer leaves: routes added later are covered without a line of
 * their own. Sign-ins (which have no credential yet) are recorded by their route.
 */
export function registerAdminAudit(app: FastifyInstance, database: SqlExecutor): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith(`${ADMIN_API_PREFIX}/`) || request.method === 'GET' || request.method === 'HEAD')
      return payload;
    const actor = request.adminCredential;
    if (actor === undefined || actor instanceof HttpError || reply.statusCode >= 400) return payload;
    await recordAdminAction(database, {
      adminId: actor.id,
      adminName: actor.name,
      action: `${request.method} ${request.routeOptions.url ?? request.url}`,
      target: targetOf(request),
      detail: auditDetail(request.body),
    });
    return payload;
  });
}
