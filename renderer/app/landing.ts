import type { Permission } from '../../shared/staff/roles';
import type { Route } from './route';
import { ROUTE_PERMISSIONS } from './route-permissions';

type Can = (permission: Permission) => boolean;

/**
 * Where a role starts, the first of these it may use: the patient list for everyone who reads
 * patients (reception, clinicians, the facility admin), then the work lists of roles that do not,
 * and the sync panel, open to everyone, last (the sync admin's page).
 */
const LANDING_ORDER: readonly Route[] = [{ page: 'list' }, { page: 'lab' }, { page: 'pharmacy' }, { page: 'sync' }];

export function mayOpen(route: Route, can: Can): boolean {
  const needed = ROUTE_PERMISSIONS[route.page];
  return needed === undefined || can(needed);
}

export function landingRoute(can: Can): Route {
  return LANDING_ORDER.find((route) => mayOpen(route, can)) ?? { page: 'sync' };
}

/**
 * The page to show for a route: the home hash (`#/`, where every login starts) is the role's
 * landing page, so nobody starts on a refusal. Any other route is shown as asked, refused or not.
 */
export function shownRoute(route: Route, can: Can): Route {
  return route.page === 'list' && !mayOpen(route, can) ? landingRoute(can) : route;
}
