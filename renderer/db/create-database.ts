import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import {
  auditRxSchema,
  catalogRxSchema,
  conflictRxSchema,
  encounterRxSchema,
  noteRxSchema,
  observationRxSchema,
  orderRxSchema,
  patientMigrationStrategies,
  patientRxSchema,
  referralMigrationStrategies,
  referralRxSchema,
  staffRxSchema,
  type SenCollections,
  type SenDatabase,
} from './collections';
import { deriveDatabaseSecrets } from './database-secrets';
import { DocumentCipher } from './document-cipher';
import { wrappedSealedStorage } from './sealed-storage';

addRxPlugin(RxDBLocalDocumentsPlugin);
// A collection whose schema version went up migrates its stored documents when opened.
addRxPlugin(RxDBMigrationSchemaPlugin);

export interface DatabaseOptions {
  /** One database per enrolled device and browser profile. */
  name: string;
  /** The device's database key (Platform.loadDatabaseKey): what is stored is encrypted under it. */
  databaseKey: string;
  /** Where the encrypted documents go: Dexie on the page's IndexedDB by default; tests pass
   *  Dexie over fake-indexeddb. */
  storage?: RxStorage<unknown, unknown>;
  /** Wraps the storage above encryption, where documents are plain: tests validate every write
   *  against the schema there (ajv needs eval, which the product's CSP forbids). */
  validate?: (storage: RxStorage<unknown, unknown>) => RxStorage<unknown, unknown>;
  /** Tests that hold two clients in one process (open-source RxDB opens 14 collections per
   *  process at most) leave out the conflicts collection, which sync then skips. */
  withoutConflicts?: boolean;
}

/** The facility's database on this PC: one per facility (and browser profile). */
export function localDatabaseName(facilityCode: string): string {
  return `sen-${facilityCode}`;
}

export async function createSenDatabase(options: DatabaseOptions): Promise<SenDatabase> {
  const { sealingKey, rxdbPassword } = await deriveDatabaseSecrets(options.databaseKey);
  const sealed = wrappedSealedStorage({
    storage: options.storage ?? getRxStorageDexie(),
    cipher: new DocumentCipher(sealingKey),
  });
  const database = await createRxDatabase<SenCollections>({
    name: options.name,
    storage: options.validate ? options.validate(sealed) : sealed,
    password: rxdbPassword,
    // Local documents hold device-only state (drafts, the outbox, sync status) outside the
    // synced collections, so they count against no collection limit and never leave the PC.
    localDocuments: true,
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  try {
    await database.addCollections({
      patients: { schema: patientRxSchema, migrationStrategies: patientMigrationStrategies },
      staff: { schema: staffRxSchema },
      audit: { schema: auditRxSchema },
      encounters: { schema: encounterRxSchema },
      orders: { schema: orderRxSchema },
      observations: { schema: observationRxSchema },
      notes: { schema: noteRxSchema },
      referrals: { schema: referralRxSchema, migrationStrategies: referralMigrationStrategies },
      catalog: { schema: catalogRxSchema },
      ...(options.withoutConflicts ? {} : { conflicts: { schema: conflictRxSchema } }),
    });
  } catch (error) {
    await database.close();
    throw isWrongKey(error)
      ? new Error(
          `The local database ${options.name} was encrypted with another key and cannot be read with this one.`,
          { cause: error },
        )
      : error;
  }
  return database;
}

/** RxDB's error DB1: the stored hash of the database password differs (see database-secrets.ts). */
function isWrongKey(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'DB1';
}
