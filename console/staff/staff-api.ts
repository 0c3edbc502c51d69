import type { Role } from '../../shared/staff/roles';
import type { AdminClient } from '../api/admin-client';

/** A staff account as the admin API shows it (never its password verifier or sealed key). */
export interface StaffAccount {
  id: string;
  facilityCode: string;
  username: string;
  displayName: string;
  roles: Role[];
  active: boolean;
  passwordChangedAt: string;
  updatedAt: string;
}

export interface NewStaffAccount {
  username: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export type StaffChanges = Partial<Pick<StaffAccount, 'displayName' | 'roles' | 'active'>> & { password?: string };

/** One of the facility's PCs, as far as the staff page needs: does it sync since a change? */
export interface FacilityDevice {
  id: string;
  name: string;
  state: 'ok' | 'late' | 'silent' | 'revoked';
  /** The latest pull, push or stream contact, or the enrollment for a PC never heard from. */
  lastContactAt: string;
  revokedAt: string | null;
}

/** A facility has tens of PCs; the fleet route pages at 500 at most. */
const DEVICES_LISTED = 500;

/** The staff routes of the admin API (server/staff/staff-routes.ts), and the facility's PCs. */
export const staffApi = {
  async list(client: AdminClient, facilityCode: string): Promise<StaffAccount[]> {
    return (await client.request<{ staff: StaffAccount[] }>('GET', `/facilities/${facilityCode}/staff`)).staff;
  },
  create(client: AdminClient, facilityCode: string, account: NewStaffAccount): Promise<StaffAccount> {
    return client.request('POST', `/facilities/${facilityCode}/staff`, account);
  },
  change(client: AdminClient, id: string, changes: StaffChanges): Promise<StaffAccount> {
    return client.request('PATCH', `/staff/${id}`, changes);
  },
  async devices(client: AdminClient, facilityCode: string): Promise<FacilityDevice[]> {
    const query = new URLSearchParams({ facility: facilityCode, sort: 'name', limit: String(DEVICES_LISTED) });
    return (await client.request<{ devices: FacilityDevice[] }>('GET', `/fleet?${query.toString()}`)).devices;
  },
};
