/**
 * Everything an IndexedDB factory holds, as text: every record and key of every object store
 * of every database. What someone reading the disk would see, short of the files' format.
 */
export async function rawIndexedDbText(factory: IDBFactory): Promise<string> {
  const parts: string[] = [];
  for (const { name } of await factory.databases()) {
    if (name === undefined) continue;
    const database = await openDatabase(factory, name);
    try {
      for (const storeName of database.objectStoreNames) {
        const store = database.transaction(storeName, 'readonly').objectStore(storeName);
        const [records, keys] = await Promise.all([request(store.getAll()), request(store.getAllKeys())]);
        parts.push(name, storeName, JSON.stringify(records), JSON.stringify(keys));
      }
    } finally {
      database.close();
    }
  }
  return parts.join('\n');
}

function openDatabase(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return request(factory.open(name));
}

function request<T>(pending: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    pending.onsuccess = () => resolve(pending.result);
    pending.onerror = () => reject(pending.error ?? new Error('IndexedDB request failed'));
  });
}
