import { AuditLog } from '../../renderer/audit/audit-log';
import { createPasswordVerifier, verifyPassword } from '../../shared/staff/password-verifier';
import Dexie from 'dexie';
import PouchDB from 'pouchdb-browser';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import {
  auditRxSchema,
  patientRxSchema,
  staffRxSchema,
  type SenCollections,
  type SenDatabase,
} from '../../renderer/db/collections';
import { createSenDatabase } from '../../renderer/db/create-database';
import { newDatabaseKey } from '../../renderer/db/database-secrets';
import { DocumentWriter } from '../../renderer/db/document-writer';
import { Outbox } from '../../renderer/db/outbox';
import { SyncClient } from '../../renderer/sync/sync-client';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { signDocument } from '../../shared/signing/document-signature';
import { generateSigningKey, type DocumentSigner } from '../../shared/signing/signing-keys';
import type { WireDocument } from '../../shared/sync/protocol';
import { UNSIGNED_SYNC_META } from '../../shared/sync/sync-meta';
import { unsealPrivateKey } from '../../shared/staff/sealed-key';
import { newStaffKey } from '../../shared/staff/staff-keys';

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
    const wire = (await (await fetch(documentsUrl)).json()) as WireDocument<PatientDocument>[];
    const documents = wire.map(({ _deleted: _alive, ...stored }) => stored);
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
  /** One offline login check: PBKDF2-SHA256 at 600,000 iterations in WebCrypto, median of 5. */
  async loginCheck(): Promise<number> {
    const verifier = await createPasswordVerifier('sen-bench-password');
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      if (!(await verifyPassword('sen-bench-password', verifier))) throw new Error('the verifier refused');
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[2] ?? Number.NaN;
  },

  /**
   * A login as Sen does it now, median of 5: the password check and the unsealing of the signing
   * key side by side (each 600,000 rounds of PBKDF2), against the check alone (loginCheck).
   */
  async loginWithKey(): Promise<number> {
    const verifier = await createPasswordVerifier('sen-bench-password');
    const { sealedKey } = await newStaffKey('sen-bench-password', new Date().toISOString());
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const started = performance.now();
      const [ok, key] = await Promise.all([
        verifyPassword('sen-bench-password', verifier),
        unsealPrivateKey(sealedKey, 'sen-bench-password'),
      ]);
      if (!ok || !key) throw new Error('the login failed');
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[2] ?? Number.NaN;
  },

  /**
   * Milliseconds per audit entry: appended to the hash chain (read the head, hash, write), and
   * the same entries written one by one without the chain, the peer that shows what it costs.
   */
  async auditAppend(entries: number): Promise<{ chained: number; plain: number }> {
    const database = await createSenDatabase({
      name: `bench-audit-${crypto.randomUUID()}`,
      databaseKey: newDatabaseKey(),
    });
    const deviceId = crypto.randomUUID();
    const signer = await benchSigner('bench');
    const writer = new DocumentWriter(database, await Outbox.open(database), () => signer);
    const log = new AuditLog(database, writer, { deviceId, facilityCode: '10010' }, () => signer);
    let started = performance.now();
    for (let n = 0; n < entries; n++)
      await log.record({ action: 'chart-open', userId: 'bench', patientId: `patient-${String(n)}` });
    const chained = (performance.now() - started) / entries;
    const [last] = await database.audit.find({ sort: [{ seq: 'desc' }], limit: 1 }).exec();
    if (!last) throw new Error('no audit entry');
    const template = last.toMutableJSON();
    started = performance.now();
    for (let n = entries + 1; n <= 2 * entries; n++)
      await database.audit.insert({ ...template, id: `${deviceId}-${String(n)}`, seq: n });
    const plain = (performance.now() - started) / entries;
    await database.close();
    return { chained, plain };
  },

  /**
   * Milliseconds per patient write (a registration, then an edit of it) through the
   * DocumentWriter, which computes the lineage, signs, writes and records the outbox entry;
   * against the same writes and outbox entries unsigned. Alternating halves, so that neither
   * side gets the warmer database. Also the signature alone (ECDSA P-256 over the canonical form).
   */
  async signedWrites(writes: number): Promise<{ signed: number; unsigned: number; signatureAlone: number }> {
    const database = await createSenDatabase({
      name: `bench-sign-${crypto.randomUUID()}`,
      databaseKey: newDatabaseKey(),
    });
    const outbox = await Outbox.open(database);
    const signer = await benchSigner('bench-registrar');
    const writer = new DocumentWriter(database, outbox, () => signer);
    const patient = (n: number): PatientDocument => ({
      ...benchPatient(n),
      updatedBy: signer.signer,
      createdBy: signer.signer,
    });
    let signedMs = 0;
    let unsignedMs = 0;
    for (let n = 0; n < writes; n++) {
      let started = performance.now();
      await writer.insert('patients', patient(2 * n));
      await writer.update('patients', patient(2 * n).id, (current) => ({ ...current, phone: '0987654321' }));
      signedMs += performance.now() - started;

      started = performance.now();
      const plain = patient(2 * n + 1);
      await database.patients.insert({ ...plain, syncMeta: UNSIGNED_SYNC_META });
      await outbox.recordLocalWrite('patients', { ...plain, _deleted: false, syncMeta: UNSIGNED_SYNC_META }, null);
      const stored = await database.patients.findOne(plain.id).exec();
      const edited = await stored?.incrementalPatch({ phone: '0987654321' });
      const base = { ...plain, _deleted: false, syncMeta: UNSIGNED_SYNC_META };
      if (edited) await outbox.recordLocalWrite('patients', { ...edited.toMutableJSON(), _deleted: false }, base);
      unsignedMs += performance.now() - started;
    }
    const started = performance.now();
    for (let n = 0; n < writes; n++) await signDocument('patients', { ...patient(n), _deleted: false }, signer);
    const signatureAlone = (performance.now() - started) / writes;
    await database.close();
    return { signed: signedMs / (2 * writes), unsigned: unsignedMs / (2 * writes), signatureAlone };
  },

  /**
   * Milliseconds per local write recorded in the outbox once `backlog` records wait unsent (a PC
   * offline for weeks): Sen's outbox, one entry per record, against the same entries kept in one
   * document that every write rewrites (how the outbox was kept before).
   */
  async outboxWriteAtBacklog(backlog: number, writes: number): Promise<{ perEntry: number; oneDocument: number }> {
    const database = await createSenDatabase({
      name: `bench-outbox-${crypto.randomUUID()}`,
      databaseKey: newDatabaseKey(),
    });
    const state = (n: number) => ({
      id: `patient-${String(n)}`,
      phone: '0912345678',
      _deleted: false,
      syncMeta: UNSIGNED_SYNC_META,
    });
    const outbox = await Outbox.open(database);
    for (let n = 0; n < backlog; n++) await outbox.recordLocalWrite('patients', state(n), null);
    let started = performance.now();
    for (let n = backlog; n < backlog + writes; n++) await outbox.recordLocalWrite('patients', state(n), null);
    const perEntry = (performance.now() - started) / writes;

    const pending: Record<string, { state: string; base: null }> = {};
    for (let n = 0; n < backlog; n++)
      pending[`patients/patient-${String(n)}`] = { state: JSON.stringify(state(n)), base: null };
    await database.upsertLocal('bench-one-document-outbox', { pending });
    started = performance.now();
    for (let n = backlog; n < backlog + writes; n++) {
      pending[`patients/patient-${String(n)}`] = { state: JSON.stringify(state(n)), base: null };
      await database.upsertLocal('bench-one-document-outbox', { pending });
    }
    const oneDocument = (performance.now() - started) / writes;
    await database.close();
    return { perEntry, oneDocument };
  },

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

/** A signing key made in the page, as an account's key would be unsealed at login. */
async function benchSigner(staffId: string): Promise<DocumentSigner> {
  const { keyId, privateKey } = await generateSigningKey();
  return { signer: staffId, keyId, privateKey };
}

/** A valid patient document, the n-th of a series. */
function benchPatient(n: number): PatientDocument {
  const suffix = String(n).padStart(8, '0');
  return {
    id: `0190b0b0-0000-7000-8000-${suffix.padStart(12, '0')}`,
    facilityCode: '10010',
    patientCode: `10010-${suffix}`,
    familyName: 'Nguyễn',
    middleName: 'Thị',
    givenName: 'Đào',
    dateOfBirth: '1990-03-12',
    sex: 'female',
    cccd: '',
    bhyt: '',
    phone: '0912345678',
    address: { provinceCode: '15', wardCode: '02647', street: 'Số 5, đường Hoàng Liên' },
    ethnicityCode: '01',
    nameKey: 'nguyen thi dao',
    givenNameKey: 'dao nguyen thi',
    createdAt: '2026-12-01T08:00:00.000Z',
    updatedAt: '2026-12-01T08:00:00.000Z',
    createdByDeviceId: 'bench-device',
    createdBy: 'bench-registrar',
    updatedBy: 'bench-registrar',
  };
}

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
  await database.addCollections({
    patients: { schema: { ...patientRxSchema, encrypted: [] } },
    staff: { schema: { ...staffRxSchema, encrypted: [] } },
    audit: { schema: { ...auditRxSchema, encrypted: [] } },
  });
  return database;
}

declare global {
  interface Window {
    senBench: typeof bench;
  }
}
window.senBench = bench;
