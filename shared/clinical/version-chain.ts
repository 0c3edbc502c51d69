import type { Signable } from './signed-document';

/** One document of a chain of versions: an original and the amendments that replace it. */
export type Version = Pick<Signable, 'id' | 'supersedes' | 'signedAt'>;

export interface VersionChains<T extends Version> {
  /** The version in force for any id of a chain (an original's id resolves to its amendment). */
  currentOf(id: string): T | undefined;
  /** The original's id for any id of a chain: what orders and results made before name. */
  originalIdOf(id: string): string;
  /** Every version of the chain of `id`, the original first, the current last. */
  chainOf(id: string): T[];
  /** Every version with the same original: the chain and any rival amendment, oldest first. */
  historyOf(id: string): T[];
  /** Whether another version is in force instead of this one. */
  isSuperseded(id: string): boolean;
  /** One document per chain: its current version, in the order the list was given. */
  current: T[];
}

/**
 * Resolves amendments among documents of one kind. Two PCs can amend the same version while
 * offline: both amendments stay readable, and the later signed one (then the greater id) is
 * in force. A chain that loops (only a forged document could) ends where it would repeat.
 */
export function resolveVersions<T extends Version>(documents: readonly T[]): VersionChains<T> {
  const byId = new Map(documents.map((document) => [document.id, document]));
  const successor = new Map<string, T>();
  for (const document of documents) {
    const previous = document.supersedes ?? '';
    if (previous === '' || previous === document.id) continue;
    const rival = successor.get(previous);
    if (!rival || laterVersion(document, rival)) successor.set(previous, document);
  }

  const originalIdOf = (id: string): string => {
    let at = id;
    const seen = new Set([at]);
    for (;;) {
      const previous = byId.get(at)?.supersedes ?? '';
      if (previous === '' || seen.has(previous)) return at;
      // An amendment of a version this PC does not hold yet still names the original it knows.
      seen.add(previous);
      at = previous;
    }
  };
  const chainFrom = (originalId: string): T[] => {
    const chain: T[] = [];
    const seen = new Set<string>();
    let at: T | undefined = byId.get(originalId);
    while (at && !seen.has(at.id)) {
      chain.push(at);
      seen.add(at.id);
      at = successor.get(at.id);
    }
    return chain;
  };
  const chainOf = (id: string): T[] => chainFrom(originalIdOf(id));
  const currentOf = (id: string): T | undefined => chainOf(id).at(-1) ?? byId.get(id);
  const isSuperseded = (id: string): boolean => {
    const document = byId.get(id);
    return document !== undefined && currentOf(id) !== document;
  };
  const byOriginal = new Map<string, T[]>();
  for (const document of documents) {
    const originalId = originalIdOf(document.id);
    byOriginal.set(originalId, [...(byOriginal.get(originalId) ?? []), document]);
  }
  const historyOf = (id: string): T[] => {
    const chain = chainOf(id);
    const rivals = (byOriginal.get(originalIdOf(id)) ?? []).filter((document) => !chain.includes(document));
    return [...chain.slice(0, -1), ...rivals, ...chain.slice(-1)];
  };
  const current = documents.filter((document) => !isSuperseded(document.id));
  return { currentOf, originalIdOf, chainOf, historyOf, isSuperseded, current };
}

function laterVersion(a: Version, b: Version): boolean {
  const at = a.signedAt ?? '';
  const bt = b.signedAt ?? '';
  if (at !== bt) return at > bt;
  return a.id > b.id;
}
