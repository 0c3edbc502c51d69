import { normalizeMangoQuery, prepareQuery, type MangoQuerySelector, type RxDocumentData } from 'rxdb';
import {
  getLocalDocStateByParent,
  RX_LOCAL_DOCUMENT_SCHEMA,
  type LocalDocumentParent,
  type RxLocalDocumentData,
} from 'rxdb/plugins/local-documents';
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

/**
 * Every local document whose id starts with `prefix`, read in one range over the primary key.
 * Lets state kept as one small document per entry (the outbox, the quarantine) be loaded at
 * start, so that each change writes one entry instead of rewriting one growing document.
 */
export async function listLocalState(database: SenDatabase, prefix: string): Promise<{ id: string; data: unknown }[]> {
  const { storageInstance } = await getLocalDocStateByParent(database as unknown as LocalDocumentParent);
  // At this level deleted documents are returned too unless the selector says otherwise.
  const query = normalizeMangoQuery(RX_LOCAL_DOCUMENT_SCHEMA, {
    selector: { id: { $gte: prefix, $lt: `${prefix}\uffff` }, _deleted: { $eq: false } } as MangoQuerySelector<
      RxDocumentData<RxLocalDocumentData>
    >,
    sort: [{ id: 'asc' }],
  });
  const { documents } = await storageInstance.query(prepareQuery(RX_LOCAL_DOCUMENT_SCHEMA, query));
  return documents.map((document) => ({ id: document.id, data: structuredClone(document.data) }));
}
