import type { ChartDocuments } from '../chart/chart-documents';
import type { ForeignHistory } from './foreign-history-repository';

/**
 * The patient's own documents with those fetched from other facilities: one chart, each visit
 * still carrying the facility it was made at. Ids are UUIDv7 made everywhere, so they never
 * collide; a record that came here by sync as well (a referral's) is kept once, the own copy.
 */
export function withForeignRecords(
  own: ChartDocuments | undefined,
  foreign: ForeignHistory | undefined,
): ChartDocuments | undefined {
  if (!own || !foreign || foreign.facilities.size === 0) return own;
  const merged = <T extends { id: string }>(mine: readonly T[], theirs: readonly T[]): T[] => {
    const ids = new Set(mine.map((document) => document.id));
    return [...mine, ...theirs.filter((document) => !ids.has(document.id))];
  };
  return {
    encounters: merged(own.encounters, foreign.documents.encounters),
    orders: merged(own.orders, foreign.documents.orders),
    observations: merged(own.observations, foreign.documents.observations),
  };
}
