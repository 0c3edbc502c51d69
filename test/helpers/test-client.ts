import { randomUUID } from 'node:crypto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { addRxPlugin } from 'rxdb';
import { disableWarnings, RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import type { SenDatabase } from '../../renderer/db/collections';
import { createSenDatabase } from '../../renderer/db/create-database';
import { AuditLog, NO_AUDIT } from '../../renderer/audit/audit-log';
import { DocumentWriter } from '../../renderer/db/document-writer';
import { Outbox } from '../../renderer/db/outbox';
import { PatientsRepository } from '../../renderer/patients/patients-repository';
import { SyncClient } from '../../renderer/sync/sync-client';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import type { EnrollResponse } from '../../shared/sync/enrollment';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { demoSigner } from './signing';

// Dev-mode checks every schema and query; the ajv wrapper validates every write against the
// schema derived from zod. Both are off in the product (ajv needs eval, which the CSP forbids).
addRxPlugin(RxDBDevModePlugin);
disableWarnings();

/** A fixed database key (32 bytes, base64url): tests need no keystore. */
export const TEST_DATABASE_KEY = 'c2VuIGludGVncmF0aW9uIHRlc3QgZGF0YWJhc2Uga3k';

export interface TestClientOptions {
  /** The device clock, for clock-skew tests */
  now?: () => Date;
  /** The staff member logged in (the demo registrar by default): a demo account, whose key the
   *  client unseals with the demo password, as a login would. */
  userId?: string;
  /** Record patient writes in the device's audit trail (off unless a test checks it) */
  audit?: boolean;
  /** To reopen a client's database: by default each client gets a new one. */
  databaseName?: string;
  databaseKey?: string;
  /** Open collections beyond the client's own, standing in for the planned clinical record. */
  extraCollections?: number;
  /** Open the conflicts collection: off by default, so that two clients fit in one process
   *  (clients in their own worker, IsolatedClient, open it). */
  conflicts?: boolean;
}

/** The smallest valid collection: for tests that need as many open collections as the plan. */
const STAND_IN_SCHEMA = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 } },
  required: ['id'],
} as const;

/**
 * A desktop client as the renderer builds it, on Dexie over an in-memory IndexedDB. It is
 * offline until `goOnline()`; `goOffline()` stops sync the way a cut cable would.
 */
export class TestClient {
  private syncClient: SyncClient | undefined;

  private constructor(
    readonly database: SenDatabase,
    readonly outbox: Outbox,
    readonly writer: DocumentWriter,
    readonly patients: PatientsRepository,
    readonly serverUrl: string,
    readonly enrollment: EnrollResponse,
    private readonly options: TestClientOptions,
    readonly audit: AuditLog,
    private readonly keys: SigningKeys,
  ) {}

  static async open(
    serverUrl: string,
    enrollment: EnrollResponse,
    options: TestClientOptions = {},
  ): Promise<TestClient> {
    const database = await createSenDatabase({
      name: options.databaseName ?? `client-${randomUUID()}`,
      databaseKey: options.databaseKey ?? TEST_DATABASE_KEY,
      storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
      validate: (storage) => wrappedValidateAjvStorage({ storage }),
      withoutConflicts: options.conflicts !== true,
    });
    if (options.extraCollections) {
      const standIns = Array.from({ length: options.extraCollections }, (_, n) => [
        `planned${String(n)}`,
        { schema: STAND_IN_SCHEMA },
      ]);
      await database.addCollections(Object.fromEntries(standIns) as never);
    }
    const outbox = await Outbox.open(database);
    const keys = new SigningKeys(await demoSigner(options.userId ?? DEMO_STAFF.registrar.id));
    const writer = new DocumentWriter(database, outbox, () => keys.current);
    const device = { deviceId: enrollment.deviceId, facilityCode: enrollment.facility.code };
    const audit = new AuditLog(database, writer, device, (id) => keys.held(id), options.now);
    const patients = new PatientsRepository(database, writer, device, options.now, options.audit ? audit : NO_AUDIT);
    return new TestClient(database, outbox, writer, patients, serverUrl, enrollment, options, audit, keys);
  }

  /** From now on the client writes, and signs, as this staff member (a demo id or a key). */
  async actAs(user: string | DocumentSigner): Promise<void> {
    this.keys.use(typeof user === 'string' ? await demoSigner(user) : user);
  }

  /** The key the client signs with now: the logged-in user's, as a session holds it. */
  get signer(): DocumentSigner {
    return this.keys.current;
  }

  get sync(): SyncClient {
    if (!this.syncClient) throw new Error('the client is offline');
    return this.syncClient;
  }

  async goOnline(): Promise<void> {
    if (this.syncClient) return;
    this.syncClient = new SyncClient({
      database: this.database,
      outbox: this.outbox,
      serverUrl: this.serverUrl,
      credential: this.enrollment.token,
      now: this.options.now,
    });
    await this.syncClient.start();
  }

  async goOffline(): Promise<void> {
    await this.syncClient?.stop();
    this.syncClient = undefined;
  }

  /** The patient as stored locally (its body, without the sync envelope), or null if absent or deleted. */
  async patient(id: string): Promise<PatientDocument | null> {
    return this.patients.get(id);
  }

  async close(): Promise<void> {
    await this.goOffline();
    await this.database.close();
  }
}

/** The keys a test client has unsealed, as sessions at its desk would have: the newest signs. */
class SigningKeys {
  private readonly byUser = new Map<string, DocumentSigner>();

  constructor(private active: DocumentSigner) {
    this.use(active);
  }

  get current(): DocumentSigner {
    return this.active;
  }

  use(signer: DocumentSigner): void {
    this.active = signer;
    this.byUser.set(signer.signer, signer);
  }

  held(userId: string): DocumentSigner | null {
    return this.byUser.get(userId) ?? null;
  }
}
