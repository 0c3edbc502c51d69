import { FLEET_STATES, type FleetDevice, type FleetPage, type FleetState } from './fleet-api';

/** How many PCs are in each state, and who runs which app version. */
export interface FleetSummary {
  total: number;
  byState: Record<FleetState, number>;
  /** Version → PCs, most common first; `null` is a PC that never reported one. */
  byVersion: { version: string | null; count: number }[];
}

export function emptySummary(): FleetSummary {
  return {
    total: 0,
    byState: Object.fromEntries(FLEET_STATES.map((state) => [state, 0])) as Record<FleetState, number>,
    byVersion: [],
  };
}

/** The summary with `devices` counted in; a revoked PC's version is left out (it runs nothing of ours). */
export function addToSummary(summary: FleetSummary, devices: readonly FleetDevice[]): FleetSummary {
  const byState = { ...summary.byState };
  const versions = new Map(summary.byVersion.map((entry) => [entry.version, entry.count]));
  for (const device of devices) {
    byState[device.state] += 1;
    if (device.state !== 'revoked') versions.set(device.appVersion, (versions.get(device.appVersion) ?? 0) + 1);
  }
  const byVersion = [...versions]
    .map(([version, count]) => ({ version, count }))
    .sort((a, b) => b.count - a.count || compareVersions(b.version, a.version));
  return { total: summary.total + devices.length, byState, byVersion };
}

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

/** The biggest page the fleet API gives: a province of 2,000 PCs is summed in four requests. */
export const SUMMARY_PAGE_SIZE = 500;

/**
 * Counts the whole fleet (or one facility's) a page at a time, keeping only the counts. The API
 * has no count route, so this walks its cursor; it runs after the first rows are shown and
 * never holds more than one page.
 */
export async function summarizeFleet(
  fetchPage: (cursor: string | null) => Promise<FleetPage>,
  isCancelled: () => boolean = () => false,
): Promise<FleetSummary | null> {
  let summary = emptySummary();
  let cursor: string | null = null;
  do {
    const page = await fetchPage(cursor);
    if (isCancelled()) return null;
    summary = addToSummary(summary, page.devices);
    cursor = page.nextCursor;
  } while (cursor);
  return summary;
}
