import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCatalogCsv } from '../server/catalog/parse-catalog-csv';
import { catalogEntryId, type CatalogEntry } from '../shared/catalog/catalog-entry';

/** The size of the ministry's ICD-10 list. */
export const ICD10_LIST_ROWS = 15_840;

/**
 * The seed's real ICD-10 entries repeated under distinct codes up to the size of the ministry's
 * list, so every word is ~40 times as common as in the real list: posting lists are longer than
 * they will be, not shorter.
 */
export function icd10BenchRows(target = ICD10_LIST_ROWS): CatalogEntry[] {
  const seed = parseCatalogCsv('icd10', readFileSync(join(import.meta.dirname, '../server/catalog/seed/icd10.csv')), {
    provinceCode: '15',
    effectiveFrom: '2026-01-01',
  });
  if (!seed.ok) throw new Error('The ICD-10 seed does not parse.');
  const rows: CatalogEntry[] = [];
  // A copy's made-up code may be a real one of the seed: each code once, as in the real list.
  const used = new Set<string>();
  for (let copy = 0; rows.length < target; copy += 1) {
    for (const entry of seed.documents) {
      const code = copy === 0 ? entry.code : `${entry.code.slice(0, 3)}.${copy}`;
      if (used.has(code)) continue;
      used.add(code);
      rows.push({ ...entry, code, id: catalogEntryId('icd10', code, entry.effectiveFrom) });
      if (rows.length === target) break;
    }
  }
  return rows;
}
