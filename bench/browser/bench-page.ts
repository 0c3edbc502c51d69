import Dexie from 'dexie';
import PouchDB from 'pouchdb-browser';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { patientRxSchema, type SenCollections, type SenDatabase } from '../../renderer/db/collections';
import { createSenDatabase } from '../../renderer/db/create-database';
import { newDatabaseKey } from '../../renderer/db/database-secrets';
import { Outbox } from '../../renderer/db/outbox';
import { SyncClient } from '../../renderer/sync/sync-client';
import type { PatientDocument } from '../../shared/patient/patient-document';

/**
 * What bench/run.ts calls inside headless Chromium, on the page's real IndexedDB. Each
 * function starts from an empty database and returns the milliseconds of the measured part.
 */
const bench = {
  /** Sen's first sync of a facility: RxDB on Dexie, through Sen's sync client. */
  async senInitialSync(serverUrl: string, token: string, expected: number, at: AtRest = 'sealed'): Promise<number> {
    const database = await openDatabase(`bench-sen-${crypto.randomUUID()}`, at);
    const outbox = await Outbox.open(database);
    const sync = new SyncClient({ database, outbox, serverUrl, credential: token });
    const started = performance.now();
    await sync.start();
    while ((await database.patients.count().exec()) < expected) {
      await sync.awaitInSync();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const elapsed = performance.now() - started;
    await sync.stop();
    await database.close();
    return elapsed;
  },

  /** PouchDB replicating the same documents from a CouchDB-protocol server. */
  async pouchInitialSync(couchUrl: string, expected: number): Promise<number> {
    const database = new PouchDB(`bench-pouch-${crypto.randomUUID()}`);
    const started = performance.now();
    await database.replicate.from(couchUrl, { batch_size: 500 });
    const elapsed = performance.now() - started;
    const info = await database.info();
    if (info.doc_count !== expected) throw new Error(`PouchDB holds ${info.doc_count} of ${expected}`);
    await database.destroy();
    return elapsed;
  },

  /** RxDB's own bulk insert of the same documents, without sync: where the client's time goes. */
  async rxdbBulkInsert(documentsUrl: string, at: AtRest = 'sealed'): Promise<number> {
    const documents = (await (await fetch(documentsUrl)).json()) as PatientDocument[];
    const database = await openDatabase(`bench-rx-${crypto.randomUUID()}`, at);
    const started = performance.now();
    for (let offset = 0; offset < documents.length; offset += 2000) {
      await database.patients.bulkInsert(documents.slice(offset, offset + 2000));
    }
    const elapsed = performance.now() - started;
    await database.close();
    return elapsed;
  },

  /** The local limit: the same documents written straight into IndexedDB with Dexie bulkPut. */
  async dexieBulkPut(documentsUrl: string): Promise<number> {
    const documents = (await (await fetch(documentsUrl)).json()) as object[];
    const database = new Dexie(`bench-dexie-${crypto.randomUUID()}`);
    database.version(1).stores({ patients: 'id, nameKey, givenNameKey, cccd, bhyt, phone, patientCode' });
    const started = performance.now();
    for (let offset = 0; offset < documents.length; offset += 1000) {
      await database.table('patients').bulkPut(documents.slice(offset, offset + 1000));
    }
    const elapsed = performance.now() - started;
    database.close();
    await Dexie.delete(database.name);
    return elapsed;
  },
};

/** Encrypted at rest as Sen stores it, or the same database without: what the sealing costs. */
type AtRest = 'sealed' | 'plain';

async function openDatabase(name: string, at: AtRest): Promise<SenDatabase> {
  if (at === 'sealed') return createSenDatabase({ name, databaseKey: newDatabaseKey() });
  const database = await createRxDatabase<SenCollections>({
    name,
    storage: getRxStorageDexie(),
    localDocuments: true,
    multiInstance: false,
    eventReduce: true,
  });
  await database.addCollections({ patients: { schema: { ...patientRxSchema, encrypted: [] } } });
  return database;
}

declare global {
  interface Window {
    senBench: typeof bench;
  }
}
window.senBench = bench;
