import { readFile } from 'node:fs/promises';
import type { CatalogKind } from '../../shared/catalog/catalog-kinds';
import { importCatalog } from '../catalog/import-catalog';
import type { Database } from '../db/database';
import { ServerKey } from '../signing/server-key';
import { DEMO_FACILITY } from './demo-facility';

/** The seed files (server/catalog/seed/README.md) and the kind each holds. */
export const SEED_FILES: Readonly<Record<CatalogKind, string>> = {
  icd10: 'icd10.csv',
  'lab-test': 'lab-tests.csv',
  drug: 'drugs.csv',
  service: 'services.csv',
  department: 'departments.csv',
  facility: 'facilities.csv',
};

/** The day the demo catalogs apply from: before any demo visit. */
export const DEMO_CATALOG_EFFECTIVE_FROM = '2026-01-01';

const SEED_DIR = new URL('../catalog/seed/', import.meta.url);

export async function readSeedFile(kind: CatalogKind): Promise<Uint8Array> {
  return new Uint8Array(await readFile(new URL(SEED_FILES[kind], SEED_DIR)));
}

/**
 * The demo province's catalogs from the seed files; idempotent (a version already held is
 * skipped), so every start may run it. A seed file that fails to import stops the start: the
 * demo would be missing codes otherwise.
 */
export async function seedDemoCatalogs(database: Database): Promise<void> {
  const serverKey = await ServerKey.load(database);
  for (const kind of Object.keys(SEED_FILES) as CatalogKind[]) {
    const result = await importCatalog(database, serverKey, {
      kind,
      file: await readSeedFile(kind),
      provinceCode: DEMO_FACILITY.provinceCode,
      effectiveFrom: DEMO_CATALOG_EFFECTIVE_FROM,
      dryRun: false,
    });
    if (!result.ok) throw new Error(`The demo ${kind} catalog failed to import: ${JSON.stringify(result.errors)}`);
  }
}
