import { randomUUID } from 'node:crypto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { SenDatabase } from '../../renderer/db/collections';
import { createSenDatabase } from '../../renderer/db/create-database';
import { Outbox } from '../../renderer/db/outbox';
import { PatientsRepository } from '../../renderer/db/patients-repository';
import { SyncClient } from '../../renderer/sync/sync-client';
import type { EnrollResponse } from '../../shared/sync/enrollment';

// Dev-mode checks every schema and query; the ajv wrapper validates every write against the
// schema derived from zod. Both are off in the product (ajv needs eval, which the CSP forbids).
addRxPlugin(RxDBDevModePlugin);
disableWarnings();

/** A desktop client as the renderer builds it, on Dexie over an in-memory IndexedDB. */
export class TestClient {
  private constructor(
    readonly database: SenDatabase,
    readonly outbox: Outbox,
    readonly patients: PatientsRepository,
    readonly sync: SyncClient,
  ) {}

  static async open(serverUrl: string, enrollment: EnrollResponse): Promise<TestClient> {
    const database = await createSenDatabase({
      name: `client-${randomUUID()}`,
      storage: wrappedValidateAjvStorage({ storage: getRxStorageDexie({ indexedDB, IDBKeyRange }) }),
    });
    const outbox = await Outbox.open(database);
    const device = { deviceId: enrollment.deviceId, facilityCode: enrollment.facility.code };
    const sync = new SyncClient({ database, outbox, serverUrl, credential: enrollment.token });
    return new TestClient(database, outbox, new PatientsRepository(database, outbox, device), sync);
  }

  async close(): Promise<void> {
    await this.sync.stop();
    await this.database.close();
  }
}
