import type { AdminClient } from '../api/admin-client';
import type { FleetSummary } from '../../shared/admin/fleet-api';

export type { FleetSummary };

/** Newer versions first among equal counts: 0.10.0 after 0.9.1 numerically, unknown last. */
export function compareVersions(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  const partsA = a.split(/[.+-]/);
  const partsB = b.split(/[.+-]/);
  for (let n = 0; n < Math.max(partsA.length, partsB.length); n++) {
    const x = partsA[n] ?? '';
    const y = partsB[n] ?? '';
    const numeric = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (numeric !== 0) return numeric;
  }
  return 0;
}

/** Most common first, then the newer version (the server orders text, not versions). */
export function orderVersions(byVersion: FleetSummary['byVersion']): FleetSummary['byVersion'] {
  return [...byVersion].sort((a, b) => b.count - a.count || compareVersions(b.version, a.version));
}

/** The counts, made by the server in two aggregate queries: the page never walks the fleet. */
export async function fetchFleetSummary(client: AdminClient, facility: string | null): Promise<FleetSummary> {
  const summary = await client.request<FleetSummary>('GET', `/fleet/summary${facility ? `?facility=${facility}` : ''}`);
  return { ...summary, byVersion: orderVersions(summary.byVersion) };
}
