import type { ReactNode } from 'react';
import type { AdminClient } from '../api/admin-client';
import type { AdminIdentity } from '../../shared/admin/admin-api';
import { DevicesPage } from '../devices/DevicesPage';
import { AuditPage } from '../audit/AuditPage';
import { ConflictsPage } from '../conflicts/ConflictsPage';
import { DuplicatesPage } from '../duplicates/DuplicatesPage';
import { FacilitiesPage } from '../facilities/FacilitiesPage';
import { FacilityView } from '../facilities/FacilityView';
import { CatalogsPage } from '../catalogs/CatalogsPage';
import { StaffPage } from '../staff/StaffPage';
import { facilityInPath } from './facility-in-path';
import type { ConsolePage } from './use-hash-route';

export interface ConsolePageProps {
  client: AdminClient;
  admin: AdminIdentity;
  /** The rest of the hash after the page name (`#/devices/abc` → `['abc']`), for detail views. */
  path: readonly string[];
}

/** Which component draws each page of the navigation: one line per page. */
export const CONSOLE_PAGE_VIEWS: Record<ConsolePage, (props: ConsolePageProps) => ReactNode> = {
  facilities: ({ client, admin, path }) =>
    path[0] ? (
      <FacilityView client={client} admin={admin} code={path[0]} />
    ) : (
      <FacilitiesPage client={client} canManage={admin.role === 'province-admin'} />
    ),
  devices: ({ client, admin, path }) => <DevicesPage client={client} admin={admin} path={path} />,
  conflicts: ({ client, admin, path }) => (
    <ConflictsPage
      client={client}
      canRestore={admin.role === 'province-admin'}
      initialFacility={facilityInPath(path)}
    />
  ),
  audit: ({ client, path }) => <AuditPage client={client} path={path} />,
  staff: ({ client, path }) => <StaffPage client={client} path={path} />,
  catalogs: ({ client }) => <CatalogsPage client={client} />,
  duplicates: ({ client }) => <DuplicatesPage client={client} />,
};
