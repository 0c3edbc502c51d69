import { databaseKeySchema } from '../../shared/database-key';
import { newDatabaseKey } from '../db/database-secrets';

const DATABASE = 'sen-device-keys';
const STORE = 'keys';
const DATABASE_KEY = 'database-key';

/**
 * Browser mode's database key (the demo and the e2e tests; Electron keeps it under the OS
 * keystore). It lives in IndexedDB beside the data it encrypts, so it protects nothing; it is
 * there rather than in localStorage because localStorage is written to disk lazily and a killed
 * browser loses it, while the IndexedDB data it unlocks survives.
 *
 * Read and, on first use, created in one readwrite transaction: two tabs opening at once get
 * the same key. The transaction is strict, so the key is on disk before any data written with it.
 */
export async function loadBrowserDatabaseKey(factory: IDBFactory = indexedDB): Promise<string> {
  const database = await request(openKeyDatabase(factory));
  try {
    const transaction = database.transaction(STORE, 'readwrite', { durability: 'strict' });
    const store = transaction.objectStore(STORE);
    const stored: unknown = await request(store.get(DATABASE_KEY));
    const key = stored === undefined ? newDatabaseKey() : databaseKeySchema.parse(stored);
    if (stored === undefined) store.put(key, DATABASE_KEY);
    await committed(transaction);
    return key;
  } finally {
    database.close();
  }
}

/** Deletes the key, and with it any way to read the data it encrypted. */
export async function forgetBrowserDatabaseKey(factory: IDBFactory = indexedDB): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const deleting = factory.deleteDatabase(DATABASE);
    deleting.onsuccess = () => resolve();
    deleting.onerror = () => reject(deleting.error ?? new Error('IndexedDB delete failed'));
  });
}

function openKeyDatabase(factory: IDBFactory): IDBOpenDBRequest {
  const opening = factory.open(DATABASE, 1);
  opening.onupgradeneeded = () => opening.result.createObjectStore(STORE);
  return opening;
}

function request<T>(pending: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB request failed'));
  });
}

function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}
