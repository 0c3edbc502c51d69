import { insertAdmin } from '../../server/admin/admin-accounts';
import { SESSION_TOKEN_PREFIX } from '../../server/admin/admin-sessions';
import { sha256 } from '../../server/auth/device-token';
import type { SqlExecutor } from '../../server/db/database';
import { createPasswordVerifier, type PasswordVerifier } from '../../shared/staff/password-verifier';

/**
 * The province admin every test server has, signed in: the session token tests call the admin
 * API with, as the console does (the bootstrap SEN_ADMIN_TOKEN only creates accounts). Its name
 * is not `quantri`, which the console's own tests create the way an installer would.
 */
export const TEST_ADMIN = {
  id: '0199d000-0000-4000-8000-0000000000b7',
  username: 'kiemthu',
  displayName: 'Quản trị kiểm thử',
  role: 'province-admin',
} as const;
export const TEST_ADMIN_PASSWORD = 'kiemthu-passphrase-2026';
export const TEST_ADMIN_SESSION = `${SESSION_TOKEN_PREFIX}test-session-of-the-province-admin`;

// PBKDF2 on purpose costs time: one verifier per test process is enough.
let verifier: Promise<PasswordVerifier> | undefined;

export async function seedTestAdmin(database: SqlExecutor): Promise<void> {
  verifier ??= createPasswordVerifier(TEST_ADMIN_PASSWORD);
  await insertAdmin(database, { ...TEST_ADMIN, password: await verifier });
  await database.query(
    'INSERT INTO admin_sessions (token_hash, admin_id) VALUES ($1, $2) ON CONFLICT (token_hash) DO NOTHING',
    [sha256(TEST_ADMIN_SESSION), TEST_ADMIN.id],
  );
}
