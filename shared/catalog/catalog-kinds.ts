/**
 * The kinds of entry the one `catalog` collection holds (docs/decisions/0001-collection-plan.md):
 * one collection with a discriminating `kind` keeps the client under RxDB's collection limit.
 */
export const CATALOG_KINDS = ['icd10', 'lab-test', 'drug', 'service', 'department', 'facility'] as const;

export type CatalogKind = (typeof CATALOG_KINDS)[number];

export function isCatalogKind(value: string): value is CatalogKind {
  return (CATALOG_KINDS as readonly string[]).includes(value);
}
