import type { AdminClient } from '../api/admin-client';

import type { FleetDevice, FleetState, FleetThresholds } from '../../shared/admin/fleet-api';

export { FLEET_STATES, type FleetDevice, type FleetState, type FleetThresholds } from '../../shared/admin/fleet-api';

/** The orders `GET /fleet` offers; `-key` is descending. */
export const FLEET_SORT_KEYS = [
  'facility',
  'name',
  'appVersion',
  'lastPull',
  'lastPush',
  'backlog',
  'lastContact',
] as const;
export type FleetSortKey = (typeof FLEET_SORT_KEYS)[number];
export type FleetSort = FleetSortKey | `-${FleetSortKey}`;

export interface FleetPage {
  devices: FleetDevice[];
  nextCursor: string | null;
  /** The server's clock: relative times and states are measured from it, never from this browser's. */
  now: string;
  thresholds: FleetThresholds;
}

export interface FleetQuery {
  facility: string | null;
  state: FleetState | null;
  sort: FleetSort;
  cursor: string | null;
  limit: number;
}

export interface FacilityOverview {
  facility: { code: string; name: string; provinceCode: string };
  devices: FleetDevice[];
  staff: { total: number; active: number };
  openProblems: {
    unresolvedConflicts: number;
    unacknowledgedAuditAlerts: number;
    silentDevices: number;
    lateDevices: number;
  };
  now: string;
  thresholds: FleetThresholds;
}

export interface RevokedDevice {
  id: string;
  facilityCode: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export function fleetQueryString(query: FleetQuery): string {
  const params = new URLSearchParams();
  if (query.facility) params.set('facility', query.facility);
  if (query.state) params.set('state', query.state);
  params.set('sort', query.sort);
  if (query.cursor) params.set('cursor', query.cursor);
  params.set('limit', String(query.limit));
  return params.toString();
}

export function fetchFleetPage(client: AdminClient, query: FleetQuery): Promise<FleetPage> {
  return client.request('GET', `/fleet?${fleetQueryString(query)}`);
}

export function fetchFacilityOverview(client: AdminClient, code: string): Promise<FacilityOverview> {
  return client.request('GET', `/facilities/${encodeURIComponent(code)}/overview`);
}

export function revokeDevice(client: AdminClient, id: string): Promise<RevokedDevice> {
  return client.request('POST', `/devices/${encodeURIComponent(id)}/revoke`, {});
}
