import type { ReactNode } from 'react';
import type { AdminClient } from '../api/admin-client';
import type { AdminIdentity } from '../../shared/admin/admin-api';
import { DuplicatesPage } from '../duplicates/DuplicatesPage';
import { FacilitiesPage } from '../facilities/FacilitiesPage';
import { NotYetPage } from './NotYetPage';
import type { ConsolePage } from './use-hash-route';

export interface ConsolePageProps {
  client: AdminClient;
  admin: AdminIdentity;
  /** The rest of the hash after the page name (`#/devices/abc` → `['abc']`), for detail views. */
  path: readonly string[];
}

/** Which component draws each page of the navigation: one line per page. */
export const CONSOLE_PAGE_VIEWS: Record<ConsolePage, (props: ConsolePageProps) => ReactNode> = {
  facilities: ({ client, admin }) => <FacilitiesPage client={client} canManage={admin.role === 'province-admin'} />,
  devices: () => <NotYetPage page="devices" />,
  conflicts: () => <NotYetPage page="conflicts" />,
  audit: () => <NotYetPage page="audit" />,
  staff: () => <NotYetPage page="staff" />,
  catalogs: () => <NotYetPage page="catalogs" />,
  duplicates: ({ client }) => <DuplicatesPage client={client} />,
};
