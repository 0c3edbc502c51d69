/**
 * Deletes every IndexedDB database RxDB's Dexie storage made for the Sen database `name` (one
 * per collection, named `rxdb-dexie-<name>--<version>--<collection>`). Done below RxDB: its own
 * removal would reopen each collection, which needs the database key that is already gone.
 */
export async function deleteLocalDatabase(name: string, factory: IDBFactory = indexedDB): Promise<number> {
  const prefix = `rxdb-dexie-${name}--`;
  const names = (await factory.databases())
    .map((database) => database.name)
    .filter((candidate): candidate is string => candidate?.startsWith(prefix) === true);
  await Promise.all(
    names.map(
      (database) =>
        new Promise<void>((resolve, reject) => {
          const deleting = factory.deleteDatabase(database);
          deleting.onsuccess = () => resolve();
          deleting.onerror = () => reject(deleting.error ?? new Error(`could not delete ${database}`));
        }),
    ),
  );
  return names.length;
}
