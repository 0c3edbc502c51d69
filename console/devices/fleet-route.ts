import { FLEET_SORT_KEYS, FLEET_STATES, type FleetSort, type FleetState } from './fleet-api';

/**
 * The fleet page's filters live in the hash (`#/devices/facility=10010/state=silent/sort=-lastPush`),
 * so that a facility view can link to its silent PCs and the browser's Back undoes a filter.
 */
export interface FleetFilters {
  facility: string | null;
  state: FleetState | null;
  sort: FleetSort;
}

export const DEFAULT_FLEET_SORT: FleetSort = 'facility';

const SORTS = new Set<string>(FLEET_SORT_KEYS.flatMap((key) => [key, `-${key}`]));

export function filtersOf(path: readonly string[]): FleetFilters {
  const values = new Map(
    path.map((part) => {
      const at = part.indexOf('=');
      return at < 0 ? [part, ''] : [part.slice(0, at), part.slice(at + 1)];
    }),
  );
  const facility = values.get('facility') ?? '';
  const state = values.get('state') ?? '';
  const sort = values.get('sort') ?? '';
  return {
    facility: /^\d{5}$/.test(facility) ? facility : null,
    state: (FLEET_STATES as readonly string[]).includes(state) ? (state as FleetState) : null,
    sort: SORTS.has(sort) ? (sort as FleetSort) : DEFAULT_FLEET_SORT,
  };
}

export function fleetHash(filters: Partial<FleetFilters>): string {
  const parts = ['#/devices'];
  if (filters.facility) parts.push(`facility=${filters.facility}`);
  if (filters.state) parts.push(`state=${filters.state}`);
  if (filters.sort && filters.sort !== DEFAULT_FLEET_SORT) parts.push(`sort=${filters.sort}`);
  return parts.join('/');
}

/** Clicking a column's header: ascending first, then the other way. */
export function nextSort(current: FleetSort, key: string): FleetSort {
  const sort = key as FleetSort;
  return current === sort ? (`-${key}` as FleetSort) : sort;
}
