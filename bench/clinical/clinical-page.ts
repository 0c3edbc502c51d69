import { CatalogRepository } from '../../renderer/catalog/catalog-repository';
import type { SenDatabase } from '../../renderer/db/collections';
import { createSenDatabase } from '../../renderer/db/create-database';
import { newDatabaseKey } from '../../renderer/db/database-secrets';
import { DocumentWriter } from '../../renderer/db/document-writer';
import { Outbox } from '../../renderer/db/outbox';
import { PatientsRepository } from '../../renderer/patients/patients-repository';
import type { CatalogEntry } from '../../shared/catalog/catalog-entry';
import { generateSigningKey, type DocumentSigner } from '../../shared/signing/signing-keys';
import { UNSIGNED_SYNC_META } from '../../shared/sync/sync-meta';
import { generatePatients } from '../patient-fixtures';
import { clinicalDocumentsOf } from './clinical-fixtures';

/**
 * What bench/clinical-scale.ts calls inside headless Chromium: one facility's database as the
 * product opens it (Dexie on IndexedDB, sealed at rest), filled in steps, and the clinician's
 * everyday operations timed against it through the product's own repositories and writer.
 */
const FACILITY = '10010';
const STAFF_ID = '0199d000-0000-4000-8000-00000000b001';
const INSERT_BATCH = 2000;

let database: SenDatabase | undefined;
let patients: PatientsRepository | undefined;
let catalog: CatalogRepository | undefined;
let writer: DocumentWriter | undefined;
let patientIds: string[] = [];

function opened(): {
  database: SenDatabase;
  patients: PatientsRepository;
  catalog: CatalogRepository;
  writer: DocumentWriter;
} {
  if (!database || !patients || !catalog || !writer) throw new Error('open() first');
  return { database, patients, catalog, writer };
}

async function inBatches<T>(documents: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let offset = 0; offset < documents.length; offset += INSERT_BATCH) {
    await insert(documents.slice(offset, offset + INSERT_BATCH));
  }
}

function percentiles(times: number[]): { p50: number; p95: number; max: number; runs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), max: at(1), runs: sorted.length };
}

async function timed<T>(rounds: number, queries: readonly T[], run: (query: T) => Promise<unknown>) {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const started = performance.now();
      await run(query);
      times.push(performance.now() - started);
    }
  }
  return percentiles(times);
}

const ICD_QUERIES = ['viem phoi', 'j18', 'tang huyet ap', 'dai thao duong', 'k', 'gay xuong', 'sot xuat huyet', 'o80'];
// Names as a clerk types them (no diacritics, given name or family name first), and identifiers.
const PATIENT_QUERIES = ['nguyen thi', 'giang', 'dao', 'lo a', 'vang seo', '0101', '0910000', 'HN4101000', 'hung'];

const bench = {
  async open(): Promise<void> {
    database = await createSenDatabase({
      name: `bench-clinical-${crypto.randomUUID()}`,
      databaseKey: newDatabaseKey(),
    });
    const key = await generateSigningKey();
    const signer: DocumentSigner = { signer: STAFF_ID, keyId: key.keyId, privateKey: key.privateKey };
    writer = new DocumentWriter(database, await Outbox.open(database), () => signer);
    patients = new PatientsRepository(database, writer, { deviceId: 'bench-device', facilityCode: FACILITY });
    catalog = new CatalogRepository(database, () => '2026-12-01');
  },

  async loadCatalog(url: string): Promise<number> {
    const entries = (await (await fetch(url)).json()) as CatalogEntry[];
    await inBatches(entries, (batch) =>
      opened().database.catalog.bulkInsert(batch.map((entry) => ({ ...entry, syncMeta: UNSIGNED_SYNC_META }))),
    );
    return entries.length;
  },

  /**
   * Patients `from`…`to` (generated as the first `to`, so each load extends the last) and their
   * ten clinical documents each. Resolves to the documents stored in all.
   */
  async loadPatients(
    from: number,
    to: number,
    withClinical = true,
  ): Promise<{ patients: number; clinical: number; ms: number }> {
    const { database: db } = opened();
    const started = performance.now();
    const generated = generatePatients(to, FACILITY, 7, STAFF_ID).slice(from);
    for (let offset = 0; offset < generated.length; offset += INSERT_BATCH) {
      const batch = generated.slice(offset, offset + INSERT_BATCH);
      await db.patients.bulkInsert(batch.map((patient) => ({ ...patient, syncMeta: UNSIGNED_SYNC_META })));
      patientIds.push(...batch.map((patient) => patient.id));
      if (!withClinical) continue;
      const clinical = batch.map((patient, index) =>
        clinicalDocumentsOf(patient.id, from + offset + index, {
          facilityCode: FACILITY,
          staffId: STAFF_ID,
          deviceId: 'bench-device',
        }),
      );
      await inBatches(
        clinical.flatMap((c) => c.encounters),
        (docs) => db.encounters.bulkInsert(docs),
      );
      await inBatches(
        clinical.flatMap((c) => c.orders),
        (docs) => db.orders.bulkInsert(docs),
      );
      await inBatches(
        clinical.flatMap((c) => c.observations),
        (docs) => db.observations.bulkInsert(docs),
      );
    }
    const ms = performance.now() - started;
    const counts = await Promise.all([
      db.encounters.count().exec(),
      db.orders.count().exec(),
      db.observations.count().exec(),
    ]);
    return { patients: await db.patients.count().exec(), clinical: counts.reduce((a, b) => a + b, 0), ms };
  },

  /** The first ICD-10 search of a session builds the index from the stored catalog: its time. */
  async icd10IndexBuild(): Promise<number> {
    const { database: db, catalog: previous } = opened();
    previous.close();
    catalog = new CatalogRepository(db, () => '2026-12-01');
    const started = performance.now();
    await catalog.searchIcd10('a');
    return performance.now() - started;
  },

  icd10Search(rounds: number) {
    return timed(rounds, ICD_QUERIES, (query) => opened().catalog.searchIcd10(query));
  },

  patientSearch(rounds: number) {
    return timed(rounds, PATIENT_QUERIES, (query) => opened().patients.search(query));
  },

  /**
   * The look-alike check a registration makes before saving (PatientsRepository
   * .possibleDuplicatesOf): a registered patient typed again without a CCCD and with a new phone,
   * so every namesake is read and compared. Resolves to the times and the look-alikes found.
   */
  async duplicateCheck(count: number) {
    const { patients: repository } = opened();
    const chosen = Array.from({ length: count }, (_, n) => patientIds[(n * 7919) % patientIds.length] ?? '');
    const candidates = await Promise.all(
      chosen.map(async (id, n) => {
        const registered = await repository.get(id);
        if (!registered) throw new Error(`bench patient ${id} is missing`);
        return { ...registered, id: `candidate-${n}`, cccd: '', phone: `08${String(n).padStart(8, '0')}` };
      }),
    );
    let found = 0;
    const times = await timed(1, candidates, async (candidate) => {
      found += (await repository.possibleDuplicatesOf(candidate)).length;
    });
    return { ...times, found: found / candidates.length };
  },

  /** What opening a chart reads: one patient's visits, orders and observations by index. */
  patientHistory(count: number) {
    const { database: db } = opened();
    const chosen = Array.from({ length: count }, (_, n) => patientIds[(n * 7919) % patientIds.length] ?? '');
    return timed(1, chosen, (patientId) =>
      Promise.all([
        db.encounters.find({ selector: { patientId }, sort: [{ queueDate: 'desc' }] }).exec(),
        db.orders.find({ selector: { patientId }, sort: [{ orderedAt: 'desc' }] }).exec(),
        db.observations.find({ selector: { patientId }, sort: [{ recordedAt: 'desc' }] }).exec(),
      ]),
    );
  },

  /** A nurse saving a set of vital signs: signed, sealed, stored and queued for sync. */
  vitalsSave(count: number) {
    const { writer: w } = opened();
    const chosen = Array.from({ length: count }, (_, n) => patientIds[(n * 104_729) % patientIds.length] ?? '');
    return timed(1, chosen, (patientId) => {
      const now = new Date().toISOString();
      return w.insert('observations', {
        id: crypto.randomUUID(),
        facilityCode: FACILITY,
        patientId,
        encounterId: '',
        orderId: '',
        kind: 'vital-signs',
        code: 'vital-signs',
        recordedAt: now,
        vitals: {
          pulse: 82,
          systolic: 135,
          diastolic: 85,
          temperature: 37.2,
          respiratoryRate: 18,
          spo2: 97,
          weightKg: 58,
          heightCm: 160,
        },
        lab: null,
        allergy: null,
        note: '',
        createdAt: now,
        updatedAt: now,
        createdByDeviceId: 'bench-device',
        createdBy: STAFF_ID,
        updatedBy: STAFF_ID,
      });
    });
  },

  async close(): Promise<void> {
    catalog?.close();
    await database?.close();
    database = undefined;
    patientIds = [];
  },
};

declare global {
  interface Window {
    senClinicalBench: typeof bench;
  }
}
window.senClinicalBench = bench;
