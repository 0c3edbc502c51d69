import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isEntryOfKind, type CatalogEntry } from '../../shared/catalog/catalog-entry';
import type { CatalogKind } from '../../shared/catalog/catalog-kinds';
import { buildIcd10SearchIndex, searchIcd10 } from '../../shared/catalog/icd10-search-index';
import { parseCatalogCsv } from './parse-catalog-csv';

const SEED_FILES: Record<CatalogKind, { file: string; atLeast: number }> = {
  icd10: { file: 'icd10.csv', atLeast: 300 },
  'lab-test': { file: 'lab-tests.csv', atLeast: 60 },
  drug: { file: 'drugs.csv', atLeast: 150 },
  service: { file: 'services.csv', atLeast: 20 },
  department: { file: 'departments.csv', atLeast: 9 },
  facility: { file: 'facilities.csv', atLeast: 1 },
};

function seed(kind: CatalogKind): { bytes: Buffer; documents: CatalogEntry[] } {
  const bytes = readFileSync(join(import.meta.dirname, 'seed', SEED_FILES[kind].file));
  const result = parseCatalogCsv(kind, bytes, { provinceCode: '15', effectiveFrom: '2026-01-01' });
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return { bytes, documents: result.documents };
}

describe('the seed catalogs', () => {
  for (const kind of Object.keys(SEED_FILES) as CatalogKind[]) {
    it(`${kind}: parses without an error, holds at least ${SEED_FILES[kind].atLeast} entries, no code twice`, () => {
      const { bytes, documents } = seed(kind);
      expect(documents.length).toBeGreaterThanOrEqual(SEED_FILES[kind].atLeast);
      expect(new Set(documents.map((document) => document.code)).size).toBe(documents.length);
      const text = bytes.toString('utf8');
      expect(text.normalize('NFC')).toBe(text);
    });
  }

  it('codes ICD-10 as WHO does: flags on every chapter XX code and asterisk code, sexes on pregnancy codes', () => {
    const { documents } = seed('icd10');
    const external = documents.filter((document) => /^[V-Y]/.test(document.code));
    expect(external.length).toBeGreaterThan(5);
    expect(external.every((document) => isEntryOfKind(document, 'icd10') && document.details.notPrimary)).toBe(true);
    const pregnancy = documents.filter((document) => document.code.startsWith('O'));
    expect(pregnancy.length).toBeGreaterThan(20);
    expect(pregnancy.every((document) => isEntryOfKind(document, 'icd10') && document.details.sex === 'female')).toBe(
      true,
    );
  });

  it('finds J18.9 first for "viem phoi" in the seed', () => {
    const index = buildIcd10SearchIndex(seed('icd10').documents);
    expect(searchIcd10(index, 'viem phoi')[0]?.code).toBe('J18.9');
    expect(searchIcd10(index, 'j18.9').map((document) => document.code)).toEqual(['J18.9']);
  });

  it('marks every demo facility as demo, the demo facility among them', () => {
    const { documents } = seed('facility');
    expect(documents.every((document) => isEntryOfKind(document, 'facility') && document.details.demo)).toBe(true);
    expect(documents.find((document) => document.code === '10010')?.name).toBe('Trung tâm Y tế khu vực Bát Xát (demo)');
  });

  it('marks the controlled drugs: morphine and tramadol narcotic, diazepam and phenobarbital psychotropic', () => {
    const controlled = seed('drug')
      .documents.flatMap((document) =>
        isEntryOfKind(document, 'drug') && document.details.control
          ? [`${document.details.ingredient}: ${document.details.control}`]
          : [],
      )
      .sort();
    expect(controlled).toEqual([
      'Diazepam: psychotropic',
      'Diazepam: psychotropic',
      'Morphin hydroclorid: narcotic',
      'Phenobarbital: psychotropic',
      'Tramadol hydroclorid: narcotic',
    ]);
  });
});
