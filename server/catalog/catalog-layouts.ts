import type { CatalogKind } from '../../shared/catalog/catalog-kinds';
import type { CatalogLayout } from './catalog-layout';
import { drugLayout } from './drug-layout';
import { icd10Layout } from './icd10-layout';
import { labTestLayout } from './lab-test-layout';
import { departmentLayout, facilityLayout, serviceLayout } from './other-layouts';

/** The file layout of each catalog kind. */
export const CATALOG_LAYOUTS: { [K in CatalogKind]: CatalogLayout<K> } = {
  icd10: icd10Layout,
  'lab-test': labTestLayout,
  drug: drugLayout,
  service: serviceLayout,
  department: departmentLayout,
  facility: facilityLayout,
};
