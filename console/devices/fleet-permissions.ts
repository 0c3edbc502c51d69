import type { AdminIdentity, AdminRole } from '../../shared/admin/admin-api';

/**
 * Who may revoke a PC: the revoke route accepts any signed-in admin (ANY_ADMIN in
 * server/admin/device-routes.ts), since running the fleet is the sync admin's job.
 */
const REVOKE_ROLES: readonly AdminRole[] = ['province-admin', 'sync-admin'];

export function mayRevoke(admin: AdminIdentity): boolean {
  return REVOKE_ROLES.includes(admin.role);
}
