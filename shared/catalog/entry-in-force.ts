/** What picking a version needs of an entry; every catalog entry has it. */
export interface VersionedEntry {
  kind: string;
  code: string;
  effectiveFrom: string;
  effectiveTo: string;
  withdrawn: boolean;
}

/**
 * The version of one code in force on a date (yyyy-MM-dd; for a diagnosis, the episode's end
 * date): among the versions that have started and not ended by then, the one that started last.
 * None when the code did not exist yet, or when that version withdraws it.
 */
export function versionInForce<T extends VersionedEntry>(versions: readonly T[], date: string): T | null {
  let chosen: T | null = null;
  for (const version of versions) {
    const started = version.effectiveFrom <= date;
    const ended = version.effectiveTo !== '' && version.effectiveTo <= date;
    if (!started || ended) continue;
    if (chosen === null || version.effectiveFrom > chosen.effectiveFrom) chosen = version;
  }
  return chosen === null || chosen.withdrawn ? null : chosen;
}

/** Every code of a set of entries, each as its version in force on the date. */
export function entriesInForce<T extends VersionedEntry>(entries: readonly T[], date: string): T[] {
  const byCode = new Map<string, T[]>();
  for (const entry of entries) {
    const key = `${entry.kind}\u0000${entry.code}`;
    const versions = byCode.get(key);
    if (versions) versions.push(entry);
    else byCode.set(key, [entry]);
  }
  const inForce: T[] = [];
  for (const versions of byCode.values()) {
    const version = versionInForce(versions, date);
    if (version) inForce.push(version);
  }
  return inForce;
}
