import type { AdminAccountRecord, AdminIdentity, AdminRole } from '../../shared/admin/admin-api';
import type { PasswordVerifier } from '../../shared/staff/password-verifier';
import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';

/** After this many wrong passwords in a row the account is locked for LOCKOUT_MINUTES. */
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MINUTES = 15;

export interface StoredAdminAccount extends AdminAccountRecord {
  password: PasswordVerifier;
  locked: boolean;
}

const COLUMNS = `id, username, display_name AS "displayName", role, active, password,
  ${isoTimestamp('locked_until')} AS "lockedUntil", coalesce(locked_until > now(), false) AS locked,
  ${isoTimestamp('created_at')} AS "createdAt"`;

export function identityOf(account: AdminIdentity): AdminIdentity {
  return { id: account.id, username: account.username, displayName: account.displayName, role: account.role };
}

export function publicRecord(account: StoredAdminAccount): AdminAccountRecord {
  return {
    ...identityOf(account),
    active: account.active,
    lockedUntil: account.locked ? account.lockedUntil : null,
    createdAt: account.createdAt,
  };
}

export async function findAdminByUsername(db: SqlExecutor, username: string): Promise<StoredAdminAccount | undefined> {
  const [row] = await db.query<StoredAdminAccount>(`SELECT ${COLUMNS} FROM admin_accounts WHERE username = $1`, [
    username,
  ]);
  return row;
}

export async function findAdmin(db: SqlExecutor, id: string): Promise<StoredAdminAccount | undefined> {
  const [row] = await db.query<StoredAdminAccount>(`SELECT ${COLUMNS} FROM admin_accounts WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  return row;
}

export function listAdmins(db: SqlExecutor): Promise<StoredAdminAccount[]> {
  return db.query<StoredAdminAccount>(`SELECT ${COLUMNS} FROM admin_accounts ORDER BY username`);
}

export async function insertAdmin(
  db: SqlExecutor,
  account: { id: string; username: string; displayName: string; role: AdminRole; password: PasswordVerifier },
): Promise<boolean> {
  const inserted = await db.query(
    `INSERT INTO admin_accounts (id, username, display_name, role, password) VALUES ($1, $2, $3, $4, $5::jsonb)
     ON CONFLICT (username) DO NOTHING RETURNING id`,
    [account.id, account.username, account.displayName, account.role, JSON.stringify(account.password)],
  );
  return inserted.length > 0;
}

export async function updateAdmin(
  db: SqlExecutor,
  id: string,
  changes: { displayName?: string; role?: AdminRole; active?: boolean; password?: PasswordVerifier; unlock?: boolean },
): Promise<void> {
  await db.query(
    `UPDATE admin_accounts SET
       display_name = coalesce($2, display_name),
       role = coalesce($3, role),
       active = coalesce($4, active),
       password = coalesce($5::jsonb, password),
       failed_attempts = CASE WHEN $6 THEN 0 ELSE failed_attempts END,
       locked_until = CASE WHEN $6 THEN NULL ELSE locked_until END
     WHERE id = $1`,
    [
      id,
      changes.displayName ?? null,
      changes.role ?? null,
      changes.active ?? null,
      changes.password ? JSON.stringify(changes.password) : null,
      changes.unlock === true || changes.password !== undefined,
    ],
  );
}

/** Counts a wrong password; the fifth in a row locks the account. True when it is now locked. */
export async function recordFailedSignIn(db: SqlExecutor, id: string): Promise<boolean> {
  const [row] = await db.query<{ locked: boolean }>(
    `UPDATE admin_accounts SET
       failed_attempts = CASE WHEN failed_attempts + 1 >= $2 THEN 0 ELSE failed_attempts + 1 END,
       locked_until = CASE WHEN failed_attempts + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END
     WHERE id = $1 RETURNING coalesce(locked_until > now(), false) AS locked`,
    [id, MAX_FAILED_SIGN_INS, LOCKOUT_MINUTES],
  );
  return row?.locked ?? false;
}

export async function recordSuccessfulSignIn(db: SqlExecutor, id: string): Promise<void> {
  await db.query('UPDATE admin_accounts SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [id]);
}
