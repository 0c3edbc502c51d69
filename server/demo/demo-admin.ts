import { createPasswordVerifier } from '../../shared/staff/password-verifier';
import { findAdminByUsername, insertAdmin } from '../admin/admin-accounts';
import type { SqlExecutor } from '../db/database';

/** The demo's province admin for the console; printed by `npm start` and in the README. Demo only. */
export const DEMO_ADMIN = {
  id: '0199d000-0000-4000-8000-0000000000a1',
  username: 'quantri',
  displayName: 'Hoàng Thị Tỉnh (quản trị tỉnh)',
  role: 'province-admin',
} as const;
export const DEMO_ADMIN_PASSWORD = 'sen-console-2026';

export async function seedDemoAdmin(database: SqlExecutor): Promise<void> {
  if (await findAdminByUsername(database, DEMO_ADMIN.username)) return;
  await insertAdmin(database, { ...DEMO_ADMIN, password: await createPasswordVerifier(DEMO_ADMIN_PASSWORD) });
}
