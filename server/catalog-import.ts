import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isCatalogKind } from '../shared/catalog/catalog-kinds';
import { importCatalog } from './catalog/import-catalog';
import { migrate } from './db/migrate';
import { ensureProvinces } from './facilities/facilities';
import { ServerKey } from './signing/server-key';
import { openDatabase } from './db/open-database';

/**
 * `npm run catalog:import -- --kind icd10 --file danh-muc.csv --province 15 --effective-from
 * 2027-01-01 [--dry-run]`: the same import as the admin API, from the province's server.
 */
const { values } = parseArgs({
  options: {
    kind: { type: 'string' },
    file: { type: 'string' },
    province: { type: 'string' },
    'effective-from': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const { kind, file, province } = values;
const effectiveFrom = values['effective-from'];
if (!kind || !isCatalogKind(kind) || !file || !province || !effectiveFrom) {
  console.error(
    'Usage: npm run catalog:import -- --kind icd10|lab-test|drug|service|department|facility --file F.csv --province NN --effective-from yyyy-MM-dd [--dry-run]',
  );
  process.exit(2);
}
const database = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: process.env.SEN_DATA_DIR ?? '.sen-data/server',
});
try {
  await migrate(database);
  await ensureProvinces(database);
  const result = await importCatalog(database, await ServerKey.load(database), {
    kind,
    file: new Uint8Array(await readFile(file)),
    provinceCode: province,
    effectiveFrom,
    dryRun: values['dry-run'],
  });
  if (!result.ok) {
    for (const error of result.errors)
      console.error(
        `${file}:${String(error.line)}${error.column ? ` [${error.column}]` : ''} ${error.code}: ${error.message}`,
      );
    console.error(`Nothing applied: ${String(result.errors.length)} problem(s).`);
    process.exitCode = 1;
  } else {
    const verb = result.dryRun ? 'would add' : 'added';
    console.log(`${kind}: ${verb} ${String(result.added)} version(s); ${String(result.unchanged)} already held.`);
  }
} finally {
  await database.close();
}
