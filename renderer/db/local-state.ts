import type { SenDatabase } from './collections';

/**
 * Device-only state (drafts, the outbox, sync status) in RxDB local documents: stored beside
 * the collections, never replicated, and not counted against RxDB's collection limit. Their
 * content is encrypted at rest beneath RxDB (sealed-storage.ts), so callers store it plainly.
 */
export async function readLocalState<T>(database: SenDatabase, id: string): Promise<T | null> {
  const document = await database.getLocal<T>(id);
  // RxDB types stored data as deeply read-only; callers get a copy they may treat as their own.
  return document ? (structuredClone(document.toJSON().data) as T) : null;
}

export async function writeLocalState(database: SenDatabase, id: string, data: object): Promise<void> {
  await database.upsertLocal(id, data);
}

export async function removeLocalState(database: SenDatabase, id: string): Promise<void> {
  const document = await database.getLocal(id);
  await document?.remove();
}
