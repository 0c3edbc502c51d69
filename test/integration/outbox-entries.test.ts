import { randomUUID } from 'node:crypto';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { describe, expect, it } from 'vitest';
import type { SenDatabase } from '../../renderer/db/collections';
import { createSenDatabase } from '../../renderer/db/create-database';
import { listLocalState, readLocalState, writeLocalState } from '../../renderer/db/local-state';
import { Outbox } from '../../renderer/db/outbox';
import { Quarantine } from '../../renderer/sync/quarantine';
import { UNSIGNED_SYNC_META } from '../../shared/sync/sync-meta';
import { patientDocument } from '../helpers/patient-documents';
import { TEST_DATABASE_KEY } from '../helpers/test-client';

const open = (name: string): Promise<SenDatabase> =>
  createSenDatabase({
    name,
    databaseKey: TEST_DATABASE_KEY,
    storage: getRxStorageDexie({ indexedDB, IDBKeyRange }),
    validate: (storage) => wrappedValidateAjvStorage({ storage }),
  });

describe('the outbox and the quarantine on the device', () => {
  it('keep one local document per pending record, written alone, and survive a restart', async () => {
    const name = `outbox-${randomUUID()}`;
    let database = await open(name);
    let outbox = await Outbox.open(database);
    const patients = Array.from({ length: 5 }, () => ({
      ...patientDocument('10010'),
      _deleted: false,
      syncMeta: UNSIGNED_SYNC_META,
    }));
    for (const patient of patients) await outbox.recordLocalWrite('patients', patient, null);
    const [first, second] = patients;
    if (!first || !second) throw new Error('fixture');
    await outbox.recordLocalWrite('patients', { ...first, phone: '0987654321' }, first);
    await outbox.acknowledge('patients', second);
    expect(await outbox.count()).toBe(4);
    // One entry per document: a write touches its own, whatever the backlog.
    expect((await listLocalState(database, 'outbox/')).map(({ id }) => id).sort()).toEqual(
      patients
        .filter((patient) => patient !== second)
        .map((patient) => `outbox/patients/${patient.id}`)
        .sort(),
    );
    await database.close();

    database = await open(name);
    outbox = await Outbox.open(database);
    expect(await outbox.count()).toBe(4);
    // The base of the first unacknowledged edit is kept: a later edit does not replace it.
    expect(outbox.baseOf('patients', first.id)).toBeNull();
    await database.close();
  });

  it('move what older versions kept in one document into one entry each', async () => {
    const database = await open(`legacy-${randomUUID()}`);
    const patient = { ...patientDocument('10010'), _deleted: false };
    await writeLocalState(database, 'sync-outbox', {
      pending: { [`patients/${patient.id}`]: { state: 'older-state', base: null } },
    });
    await writeLocalState(database, 'sync-quarantine', {
      entries: [
        {
          collection: 'patients',
          id: patient.id,
          row: { assumedMasterState: null, newDocumentState: patient },
          code: 'invalid-document',
          message: 'refused',
          details: null,
          at: '2026-12-01T08:00:00.000Z',
        },
      ],
    });
    expect(await (await Outbox.open(database)).count()).toBe(1);
    expect((await Quarantine.open(database)).current.map(({ id }) => id)).toEqual([patient.id]);
    expect(await readLocalState(database, 'sync-outbox')).toBeNull();
    expect(await readLocalState(database, 'sync-quarantine')).toBeNull();
    expect((await Quarantine.open(database)).current).toHaveLength(1);
    await database.close();
  });
});
