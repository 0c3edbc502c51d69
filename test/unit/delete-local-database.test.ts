import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { deleteLocalDatabase } from '../../renderer/db/delete-local-database';

function create(factory: IDBFactory, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const opening = factory.open(name, 1);
    opening.onsuccess = () => {
      opening.result.close();
      resolve();
    };
    opening.onerror = () => reject(opening.error ?? new Error('open failed'));
  });
}

describe('erasing the local database', () => {
  it('deletes every collection of that Sen database and nothing else', async () => {
    const factory = new IDBFactory();
    for (const name of [
      'rxdb-dexie-sen-10010--0--patients',
      'rxdb-dexie-sen-10010--0--staff',
      'rxdb-dexie-sen-10010--0--_rxdb_internal',
      'rxdb-dexie-sen-100100--0--patients',
      'sen-device-keys',
    ])
      await create(factory, name);
    expect(await deleteLocalDatabase('sen-10010', factory)).toBe(3);
    expect((await factory.databases()).map((database) => database.name).sort()).toEqual([
      'rxdb-dexie-sen-100100--0--patients',
      'sen-device-keys',
    ]);
  });
});
