import { DEMO_STAFF } from '../../server/demo/demo-staff';
import { randomUUID } from 'node:crypto';
import { indexedDB } from 'fake-indexeddb';
import { UNSIGNED_SYNC_META } from '../../shared/sync/sync-meta';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RegistrationDrafts } from '../../renderer/patients/registration-draft';
import { Quarantine } from '../../renderer/sync/quarantine';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { validRegistrationForm } from '../helpers/patient-forms';
import { rawIndexedDbText } from '../helpers/raw-indexeddb';
import { TestClient } from '../helpers/test-client';
import { TestServer } from '../helpers/test-server';
import { waitFor } from '../helpers/wait-for';

const OTHER_KEY = 'b3RoZXIgZGF0YWJhc2Uga2V5LCBub3QgdGhpcyBvbmU';

/** A patient whose name, street and birth date appear nowhere else. */
const PATIENT = validRegistrationForm({
  familyName: 'Khổng',
  middleName: 'Thị',
  givenName: 'Xuyến',
  dateOfBirth: '15/06/1987',
  sex: 'female',
  cccd: '001187004321',
  street: '17 ngõ Tạm Thương',
});
/** A half-typed registration that is never saved as a patient. */
const DRAFT = validRegistrationForm({
  familyName: 'Lương',
  givenName: 'Thạch Sanh',
  dateOfBirth: '02/09/1999',
  cccd: '031099007777',
  street: 'Thôn Bản Phiệt',
});
const SECRETS = [
  'Khổng',
  'Xuyến',
  '17 ngõ Tạm Thương',
  '1987-06-15',
  'Lương',
  'Thạch Sanh',
  'Thôn Bản Phiệt',
  '031099007777',
];

/** The secrets that can be read from the raw IndexedDB contents, in any Unicode form or case. */
async function secretsInClear(): Promise<string[]> {
  const raw = await rawIndexedDbText(indexedDB);
  const forms = [raw.normalize('NFC').toLowerCase(), raw.normalize('NFD').toLowerCase()];
  return SECRETS.filter((secret) => forms.some((form) => form.includes(secret.normalize('NFC').toLowerCase())));
}

describe('encryption at rest of the local database', () => {
  let server: TestServer;
  const clients: TestClient[] = [];
  const open = async (options: Parameters<typeof TestClient.open>[2] = {}): Promise<TestClient> => {
    const client = await TestClient.open(server.url, await server.enroll(`pc-${clients.length}`), options);
    clients.push(client);
    return client;
  };

  beforeEach(async () => {
    server = await TestServer.start();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) await client.close();
    await server.close();
  });

  /** Registers, edits (so the outbox keeps the state the edit was made on), drafts and quarantines. */
  async function fillOffline(client: TestClient): Promise<PatientDocument> {
    const registered = await client.patients.register(PATIENT);
    if (!registered.ok) throw new Error(`fixture: ${JSON.stringify(registered.problems)}`);
    const edited = await client.patients.update(registered.patient.id, { phone: '0987654321' });
    if (!edited.ok) throw new Error('fixture');
    await new RegistrationDrafts(client.database, () => DEMO_STAFF.registrar.id).save(DRAFT);
    const quarantine = await Quarantine.open(client.database);
    await quarantine.hold({
      collection: 'patients',
      id: randomUUID(),
      row: {
        assumedMasterState: null,
        newDocumentState: { ...registered.patient, _deleted: false, syncMeta: UNSIGNED_SYNC_META },
      },
      code: 'invalid-document',
      message: 'refused',
      details: null,
      at: new Date().toISOString(),
    });
    return edited.patient;
  }

  it('keeps names, streets, birth dates, drafts, the outbox and the quarantine unreadable on disk', async () => {
    const client = await open();
    const patient = await fillOffline(client);
    expect(await client.outbox.count()).toBe(1);

    expect(await secretsInClear()).toEqual([]);
    // What the indexes need stays readable, as the README says: the folded name and identifiers.
    const raw = await rawIndexedDbText(indexedDB);
    expect(raw).toContain('khong thi xuyen');
    // The possible-duplicates key: the folded name and the birth year, never the whole date.
    expect(raw).toContain('khong thi xuyen|1987');
    expect(raw).toContain(patient.cccd);

    // The device itself reads everything back.
    expect(await client.patient(patient.id)).toEqual(patient);
    expect(await new RegistrationDrafts(client.database, () => DEMO_STAFF.registrar.id).load()).toEqual(DRAFT);
  });

  it('still searches by name and CCCD, and syncs to another PC that stores it encrypted too', async () => {
    const reception = await open();
    const patient = await fillOffline(reception);
    await reception.goOnline();
    await waitFor(async () => (await reception.outbox.count()) === 0, 'the patient is sent');

    const searchesFind = async (client: TestClient): Promise<void> => {
      expect((await client.patients.search('khong thi xuy')).map(({ id }) => id)).toEqual([patient.id]);
      expect((await client.patients.search('xuyen khong')).map(({ id }) => id)).toEqual([patient.id]);
      expect((await client.patients.search('0011 8700')).map(({ id }) => id)).toEqual([patient.id]);
    };
    await searchesFind(reception);
    // Two whole clients exceed the collections one process may open (0001-collection-plan.md):
    // the reception PC closes (its stored data stays, and is checked below) before the next opens.
    clients.splice(clients.indexOf(reception), 1);
    await reception.close();

    const examRoom = await open();
    await examRoom.goOnline();
    await waitFor(async () => (await examRoom.patient(patient.id)) !== null, 'the exam room has the patient');
    await examRoom.sync.awaitInSync();
    await searchesFind(examRoom);
    expect(await examRoom.patient(patient.id)).toEqual(patient);
    // Pulled documents and the replication's own copies of them (assumed master states) too.
    expect(await secretsInClear()).toEqual([]);
  });

  it('refuses to open the database with another key, and opens it again with the right one', async () => {
    const client = await open();
    const patient = await fillOffline(client);
    const name = client.database.name;
    const enrollment = await server.enroll('reopened');
    clients.splice(clients.indexOf(client), 1);
    await client.close();

    await expect(
      TestClient.open(server.url, enrollment, { databaseName: name, databaseKey: OTHER_KEY }),
    ).rejects.toThrow(/encrypted with another key/);
    const reopened = await TestClient.open(server.url, enrollment, { databaseName: name });
    clients.push(reopened);
    expect(await reopened.patient(patient.id)).toEqual(patient);
    expect(await reopened.outbox.count()).toBe(1);
  });
});
