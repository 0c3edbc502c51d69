import { addRxPlugin, createRxDatabase, type RxStorage } from 'rxdb';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { auditRxSchema, patientRxSchema, staffRxSchema, type SenCollections, type SenDatabase } from './collections';

addRxPlugin(RxDBLocalDocumentsPlugin);

export interface DatabaseOptions {
  /** One database per enrolled device and browser profile. */
  name: string;
  /** Defaults to Dexie on the page's IndexedDB; tests pass Dexie over fake-indexeddb. */
  storage?: RxStorage<unknown, unknown>;
}

export async function createSenDatabase(options: DatabaseOptions): Promise<SenDatabase> {
  const database = await createRxDatabase<SenCollections>({
    name: options.name,
    storage: options.storage ?? getRxStorageDexie(),
    // Local documents hold device-only state (drafts, the outbox, sync status) outside the
    // synced collections, so they count against no collection limit and never leave the PC.
    localDocuments: true,
    multiInstance: false,
    eventReduce: true,
    closeDuplicates: true,
  });
  await database.addCollections({
    patients: { schema: patientRxSchema },
    staff: { schema: staffRxSchema },
    audit: { schema: auditRxSchema },
  });
  return database;
}
