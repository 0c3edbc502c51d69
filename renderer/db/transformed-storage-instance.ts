import {
  getPrimaryFieldOfPrimaryKey,
  type BulkWriteRow,
  type EventBulk,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageInstance,
  type RxStorageWriteError,
} from 'rxdb';
import { BehaviorSubject, defer, filter, finalize, firstValueFrom, mergeMap, type Observable } from 'rxjs';

type Stored = Record<string, unknown>;

/**
 * A storage instance whose documents are transformed on the way down (`toStorage`) and back up
 * (`fromStorage`), both asynchronous — what sealed-storage.ts needs to encrypt beneath RxDB.
 *
 * Why not RxDB's `wrapRxStorageInstance`: it counts change events "being processed" across all
 * listeners and makes every write wait until that count is zero (RxDB requires a write's change
 * events to be out before the write resolves). A listener that unsubscribes while an event is
 * still being transformed (replication does, whenever sync stops) leaves the count above zero
 * for good: every later write to the collection hangs, and so does `database.close()`, which
 * waits for writes. Here each event's count is given back in `finalize`, which runs when the
 * transform finishes, fails, or is abandoned by an unsubscribe.
 */
export function transformStorageInstance<RxDocType, Internals, Options>(
  schema: RxJsonSchema<RxDocumentData<RxDocType>>,
  inner: RxStorageInstance<Stored, Internals, Options>,
  toStorage: (document: RxDocumentData<RxDocType>) => Promise<RxDocumentData<Stored>>,
  fromStorage: (stored: RxDocumentData<Stored>) => Promise<RxDocumentData<RxDocType>>,
  /** The stored shape of a row's `previous`, which the storage only compares by revision. */
  previousToStorage: (document: RxDocumentData<RxDocType>) => RxDocumentData<Stored>,
): RxStorageInstance<RxDocType, Internals, Options> & {
  originalStorageInstance: RxStorageInstance<Stored, Internals, Options>;
} {
  const primaryField = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const eventsBeingOpened = new BehaviorSubject(0);
  // A write's change events carry the very stored objects this instance handed down: their plain
  // form is the row it was given, so they need not be opened (decrypted) again. A storage that
  // copies them (RxDB's dev mode does) misses here, and its events are opened as before.
  const plainOfWritten = new WeakMap<object, RxDocumentData<RxDocType>>();
  const openStored = (stored: RxDocumentData<Stored>): Promise<RxDocumentData<RxDocType>> | RxDocumentData<RxDocType> =>
    plainOfWritten.get(stored) ?? fromStorage(stored);
  const fromStorageOrNull = async (stored: RxDocumentData<Stored> | undefined | null) =>
    stored ? openStored(stored) : stored;
  const fromStorageAll = (documents: RxDocumentData<Stored>[]) => Promise.all(documents.map(fromStorage));

  const openEventBulk = async (
    bulk: EventBulk<RxStorageChangeEvent<Stored>, unknown>,
  ): Promise<EventBulk<RxStorageChangeEvent<RxDocType>, unknown>> => ({
    ...bulk,
    events: await Promise.all(
      bulk.events.map(async (event) => ({
        ...event,
        documentData: await openStored(event.documentData),
        previousDocumentData: (await fromStorageOrNull(event.previousDocumentData)) ?? undefined,
      })),
    ),
  });

  const instance: RxStorageInstance<RxDocType, Internals, Options> & {
    originalStorageInstance: RxStorageInstance<Stored, Internals, Options>;
  } = {
    databaseName: inner.databaseName,
    internals: inner.internals,
    options: inner.options,
    schema,
    collectionName: inner.collectionName,
    originalStorageInstance: inner,

    async bulkWrite(rows, context) {
      const byId = new Map<string, BulkWriteRow<RxDocType>>();
      const storedRows = await Promise.all(
        rows.map(async (row) => {
          byId.set(String((row.document as Stored)[primaryField]), row);
          // The storage reads only the revision of `previous` (to detect a conflict) and passes
          // it on as the event's previous state: its stored shape is enough, sealing it is not
          // needed.
          const previous = row.previous ? previousToStorage(row.previous) : undefined;
          const document = await toStorage(row.document);
          plainOfWritten.set(document, row.document);
          if (previous && row.previous) plainOfWritten.set(previous, row.previous);
          return previous ? { previous, document } : { document };
        }),
      );
      const result = await inner.bulkWrite(storedRows, context);
      const error = await Promise.all(
        result.error.map(async (failure): Promise<RxStorageWriteError<RxDocType>> => {
          // The row as it came in, rather than its sealed form opened again.
          const writeRow = byId.get(failure.documentId) ?? (failure.writeRow as unknown as BulkWriteRow<RxDocType>);
          const documentInDb =
            'documentInDb' in failure && failure.documentInDb ? await fromStorage(failure.documentInDb) : undefined;
          return { ...failure, writeRow, ...(documentInDb ? { documentInDb } : {}) } as RxStorageWriteError<RxDocType>;
        }),
      );
      // RxDB needs this write's change events out before the write resolves.
      await firstValueFrom(eventsBeingOpened.pipe(filter((count) => count === 0)));
      return { error } satisfies RxStorageBulkWriteResponse<RxDocType>;
    },

    async findDocumentsById(ids, withDeleted) {
      return fromStorageAll(await inner.findDocumentsById(ids, withDeleted));
    },

    async query(preparedQuery) {
      const result = await inner.query(preparedQuery);
      return { documents: await fromStorageAll(result.documents) };
    },

    count: (preparedQuery) => inner.count(preparedQuery),
    getAttachmentData: (documentId, attachmentId, digest) => inner.getAttachmentData(documentId, attachmentId, digest),
    cleanup: (minimumDeletedTime) => inner.cleanup(minimumDeletedTime),
    close: () => inner.close(),
    remove: () => inner.remove(),

    changeStream(): Observable<EventBulk<RxStorageChangeEvent<RxDocType>, unknown>> {
      return inner.changeStream().pipe(
        mergeMap((bulk) => {
          eventsBeingOpened.next(eventsBeingOpened.value + 1);
          return defer(() => openEventBulk(bulk)).pipe(
            finalize(() => eventsBeingOpened.next(eventsBeingOpened.value - 1)),
          );
        }),
      );
    },
  };

  const changedSince = inner.getChangedDocumentsSince?.bind(inner);
  if (changedSince) {
    instance.getChangedDocumentsSince = async (limit, checkpoint) => {
      const result = await changedSince(limit, checkpoint);
      return { ...result, documents: await fromStorageAll(result.documents) };
    };
  }
  return instance;
}
