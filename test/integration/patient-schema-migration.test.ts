import { randomUUID } from 'node:crypto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { createRxDatabase } from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { rxSchemaFromZod } from '../../renderer/db/rx-schema-from-zod';
import { deriveDatabaseSecrets } from '../../renderer/db/database-secrets';
import { DocumentCipher } from '../../renderer/db/document-cipher';
import { wrappedSealedStorage } from '../../renderer/db/sealed-storage';
import { patientDocumentSchema, type PatientDocument } from '../../shared/patient/patient-document';
import { buildPatientFromForm } from '../../shared/patient/registration-form';
import { UNSIGNED_SYNC_META, syncMetaSchema } from '../../shared/sync/sync-meta';
import { validRegistrationForm } from '../helpers/patient-forms';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { patientDocument } from '../helpers/patient-documents';
import { demoSigner, signedDocument } from '../helpers/signing';
import { syncRequest } from '../helpers/sync-requests';
import { TEST_DATABASE_KEY, TestClient } from '../helpers/test-client';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const ENROLLMENT = {
  deviceId: '019a0000-0000-7000-8000-0000000000ac',
  token: 'unused',
  facility: { code: '10010', name: 'demo', provinceCode: '15' },
  deviceTag: '00',
};

/** The patients collection as version 0 stored it: no `nameYearKey`, six indexes. */
const VERSION_0_INDEXES = ['nameKey', 'givenNameKey', 'cccd', 'bhyt', 'phone', 'patientCode'] as const;
const version0Shape = patientDocumentSchema.omit({ nameYearKey: true }).extend({ syncMeta: syncMetaSchema });
const version0Schema = rxSchemaFromZod(version0Shape, {
  version: 0,
  primaryKey: 'id',
  indexes: VERSION_0_INDEXES,
  encrypted: Object.keys(version0Shape.shape).filter(
    (field) => field !== 'id' && !(VERSION_0_INDEXES as readonly string[]).includes(field),
  ) as (keyof typeof version0Shape.shape)[],
});

/** A database as a PC wrote it before this version: the same storage, key and sealing. */
async function writeVersion0Database(name: string, patients: PatientDocument[]): Promise<void> {
  const { sealingKey, rxdbPassword } = await deriveDatabaseSecrets(TEST_DATABASE_KEY);
  const database = await createRxDatabase({
    name,
    storage: wrappedValidateAjvStorage({
      storage: wrappedSealedStorage({
        storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
        cipher: new DocumentCipher(sealingKey),
      }),
    }),
    password: rxdbPassword,
    localDocuments: true,
    multiInstance: false,
  });
  const collections = await database.addCollections({ patients: { schema: version0Schema } });
  await collections.patients.bulkInsert(
    patients.map(({ nameYearKey: _new, ...patient }) => ({ ...patient, syncMeta: UNSIGNED_SYNC_META })),
  );
  await database.close();
}

function registered(givenName: string, dateOfBirth: string): PatientDocument {
  const built = buildPatientFromForm(validRegistrationForm({ givenName, dateOfBirth, cccd: '', phone: '' }), {
    id: randomUUID(),
    patientCode: `10010-${randomUUID().slice(0, 8).toUpperCase()}`,
    facilityCode: '10010',
    deviceId: ENROLLMENT.deviceId,
    userId: 'staff',
    now: new Date().toISOString(),
  });
  if (!built.ok) throw new Error(`invalid bench patient: ${JSON.stringify(built.problems)}`);
  return built.patient;
}

describe('the patients collection at schema version 1 (nameYearKey)', () => {
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });

  it('migrates patients stored at version 0: each gets its key, and the duplicates check finds them', async () => {
    const name = `client-${randomUUID()}`;
    const dao = registered('Đào', '12/03/1990');
    const daoBornLater = registered('Đào', '01/01/1991');
    await writeVersion0Database(name, [dao, daoBornLater]);

    client = await TestClient.open('http://127.0.0.1:9', ENROLLMENT, { databaseName: name });
    const stored = await client.database.patients.findOne(dao.id).exec();
    expect(stored?.nameYearKey).toBe('nguyen thi dao|1990');
    expect((await client.database.patients.findOne(daoBornLater.id).exec())?.nameYearKey).toBe('nguyen thi dao|1991');

    const again = await client.patients.register(validRegistrationForm({ cccd: '', phone: '' }));
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.duplicates?.map(({ patient, reasons }) => [patient.id, reasons])).toEqual([
      [dao.id, ['duplicate-name-birth-date']],
    ]);
  });
});

describe('a patient written by a PC not yet updated (no nameYearKey on the wire)', () => {
  let server: TestServer | undefined;
  let client: TestClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = undefined;
    server = undefined;
  });

  it('is pulled with its key computed, found as a duplicate, and edited without a conflict', async () => {
    server = await TestServer.start();
    const olderPc = await server.enroll('Tiếp đón cũ');
    const { nameYearKey: _newer, ...fromOlderPc } = patientDocument('10010');
    const pushed = await signedDocument('patients', fromOlderPc, await demoSigner(DEMO_STAFF.registrar.id));
    expect(
      (await syncRequest(server.url, olderPc.token, 'patients', 'push', { body: [{ newDocumentState: pushed }] }))
        .status,
    ).toBe(200);

    client = await TestClient.open(server.url, await server.enroll('Tiếp đón 2'));
    await client.goOnline();
    await waitFor(async () => (await client?.patient(fromOlderPc.id)) != null, 'the patient is pulled');
    expect((await client.database.patients.findOne(fromOlderPc.id).exec())?.nameYearKey).toBe('nguyen thi dao|1990');
    const again = await client.patients.register(validRegistrationForm({ cccd: '', phone: '' }));
    // Refused before saving, naming the older PC's patient as the possible duplicate.
    expect(again.ok).toBe(false);
    expect(again.ok ? [] : again.duplicates?.map(({ patient }) => patient.id)).toEqual([fromOlderPc.id]);

    expect((await client.patients.update(fromOlderPc.id, { phone: '0977123456' })).ok).toBe(true);
    const storedPhone = async (): Promise<string | undefined> =>
      (
        await server?.database.query<{ body: { phone: string } }>(`SELECT body FROM sync_documents WHERE id = $1`, [
          fromOlderPc.id,
        ])
      )?.[0]?.body.phone;
    await waitFor(async () => (await storedPhone()) === '0977123456', 'the edit reaches the server');
    expect(await server.database.query(`SELECT field FROM sync_conflicts`)).toEqual([]);
  });
});
