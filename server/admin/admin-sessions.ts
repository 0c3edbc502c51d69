import { randomBytes } from 'node:crypto';
import type { AdminIdentity } from '../../shared/admin/admin-api';
import { sha256 } from '../auth/device-token';
import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';

/** A session ends after 8 hours unused, and 12 hours after sign-in whatever happens: one shift. */
export const SESSION_IDLE_MINUTES = 8 * 60;
export const SESSION_MAX_MINUTES = 12 * 60;

/** Admin session tokens carry a prefix (device tokens are `<uuid>.<secret>`): never confused. */
export const SESSION_TOKEN_PREFIX = 'sen-admin-';

export function isSessionToken(token: string): boolean {
  return token.startsWith(SESSION_TOKEN_PREFIX) && !token.includes('.');
}

export async function startSession(db: SqlExecutor, adminId: string): Promise<{ token: string; expiresAt: string }> {
  const token = `${SESSION_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const [row] = await db.query<{ expiresAt: string }>(
    `INSERT INTO admin_sessions (token_hash, admin_id) VALUES ($1, $2)
     RETURNING ${isoTimestamp(`(created_at + make_interval(mins => ${String(SESSION_MAX_MINUTES)}))`)} AS "expiresAt"`,
    [sha256(token), adminId],
  );
  return { token, expiresAt: row?.expiresAt ?? '' };
}

export type SessionLookup =
  | { state: 'valid'; admin: AdminIdentity }
  | { state: 'unknown' | 'expired' | 'inactive' }
  | { state: 'locked'; admin: AdminIdentity };

/** The admin a session token names, and whether it may still act; a valid use keeps it alive. */
export async function lookUpSession(db: SqlExecutor, token: string): Promise<SessionLookup> {
  const [row] = await db.query<
    AdminIdentity & { ended: boolean; expired: boolean; active: boolean; locked: boolean; tokenHash: string }
  >(
    `SELECT a.id, a.username, a.display_name AS "displayName", a.role, a.active,
            coalesce(a.locked_until > now(), false) AS locked, s.ended_at IS NOT NULL AS ended,
            (s.last_used_at <= now() - make_interval(mins => $2) OR s.created_at <= now() - make_interval(mins => $3)) AS expired,
            s.token_hash AS "tokenHash"
     FROM admin_sessions AS s JOIN admin_accounts AS a ON a.id = s.admin_id
     WHERE s.token_hash = $1`,
    [sha256(token), SESSION_IDLE_MINUTES, SESSION_MAX_MINUTES],
  );
  if (!row || row.ended) return { state: 'unknown' };
  if (row.expired) return { state: 'expired' };
  if (!row.active) return { state: 'inactive' };
  const admin: AdminIdentity = { id: row.id, username: row.username, displayName: row.displayName, role: row.role };
  // Someone is guessing this account's password: its open sessions stop too until the lockout ends.
  if (row.locked) return { state: 'locked', admin };
  await db.query('UPDATE admin_sessions SET last_used_at = now() WHERE token_hash = $1', [row.tokenHash]);
  return { state: 'valid', admin };
}

export async function endSession(db: SqlExecutor, token: string): Promise<void> {
  await db.query('UPDATE admin_sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL', [
    sha256(token),
  ]);
}

/** A deactivated account or a new password ends every session the account had open. */
export async function endSessionsOf(db: SqlExecutor, adminId: string): Promise<void> {
  await db.query('UPDATE admin_sessions SET ended_at = now() WHERE admin_id = $1 AND ended_at IS NULL', [adminId]);
}
