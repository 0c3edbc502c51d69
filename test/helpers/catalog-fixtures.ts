import { foldVietnamese } from '../../shared/text/fold-vietnamese';
import { CATALOG_AUTHOR, catalogEntryId, type CatalogEntryOf } from '../../shared/catalog/catalog-entry';
import type { CatalogDetails } from '../../shared/catalog/catalog-details';
import type { CatalogKind } from '../../shared/catalog/catalog-kinds';

/** A valid entry of a kind, for tests: the parts every entry shares filled in consistently. */
export function catalogEntryFixture<K extends CatalogKind>(
  kind: K,
  code: string,
  name: string,
  details: CatalogDetails[K],
  overrides: { effectiveFrom?: string; effectiveTo?: string; withdrawn?: boolean; nameEn?: string } = {},
): CatalogEntryOf<K> {
  const effectiveFrom = overrides.effectiveFrom ?? '2026-01-01';
  return {
    id: catalogEntryId(kind, code, effectiveFrom),
    kind,
    code,
    name,
    nameEn: overrides.nameEn ?? '',
    searchKey: foldVietnamese(name),
    provinceCode: '15',
    effectiveFrom,
    effectiveTo: overrides.effectiveTo ?? '',
    withdrawn: overrides.withdrawn ?? false,
    updatedAt: `${effectiveFrom}T00:00:00.000Z`,
    updatedBy: CATALOG_AUTHOR,
    details,
  };
}

export const ICD_ANY: CatalogDetails['icd10'] = {
  chapter: 'X',
  block: 'J09-J18',
  category: 'J18',
  mark: '',
  notPrimary: false,
  sex: 'any',
};

export const GLUCOSE: CatalogDetails['lab-test'] = {
  group: 'biochemistry',
  loinc: '14749-6',
  resultType: 'numeric',
  unit: 'mmol/L',
  normalText: '',
  referenceRanges: [
    { sex: 'male', minAgeYears: 16, maxAgeYears: null, low: 3.9, high: 6.4 },
    { sex: 'female', minAgeYears: 16, maxAgeYears: null, low: 3.9, high: 6.4 },
    { sex: 'any', minAgeYears: 0, maxAgeYears: 16, low: 3.3, high: 5.6 },
  ],
  criticalLow: 2.5,
  criticalHigh: 22.2,
  validityDays: 1,
};
