import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import type { SyncDirection } from '../../shared/sync/collections';
import type { PushRow, SyncCheckpoint } from '../../shared/sync/protocol';
import type { SyncMeta } from '../../shared/sync/sync-meta';
import { asksFor, type ChangedCollections } from '../../shared/sync/resync-event';
import type { SyncTransport } from './sync-transport';

export interface CollectionReplicationOptions<T> {
  collection: RxCollection<T>;
  /** The collection's name on the wire */
  name: string;
  /** Push-only collections (the audit trail) are never pulled, pull-only ones never pushed. */
  direction: SyncDirection;
  /** Send one push at a time, in order: the audit chain must reach the server in sequence. */
  serialPush?: boolean;
  /** Keeps each server's and each server history's (epoch's) checkpoints apart. */
  replicationIdentifier: string;
  transport: SyncTransport;
  /** Emits when the live stream asks for a pull: of the collections named, or of all (`null`) */
  resync$: Subject<ChangedCollections>;
  /** After each pull request: how many documents came and, on the first request of a pull
   *  from scratch, how many the server holds in all. */
  onPullRequest: (documents: number, total: number | undefined) => void;
  /** After each pull handed to RxDB: whether the device has caught up. */
  onPulled: (caughtUp: boolean) => void;
  /** Resolves when `rows` may go: the records they refer to have reached the server. */
  beforePush?: (rows: PushRow<T>[]) => Promise<void>;
  /** Fills in what this PC stores but the server may lack (fields newer than the PC that
   *  wrote the document), on every document the server sends: pulled and conflicting alike. */
  completeDocument?: (document: T & { _deleted: boolean }) => T & { _deleted: boolean };
}

// RxDB writes pulled documents locally in batches of this size; the transport splits each
// batch into requests sized for the link.
const PULL_BATCH = 1000;
const PUSH_BATCH = 200;
const RETRY_MS = 1000;

/** One collection replicated through the server's pull/push handlers, in its direction. */
export function replicateCollection<T extends { syncMeta: SyncMeta }>(
  options: CollectionReplicationOptions<T>,
): RxReplicationState<T, SyncCheckpoint> {
  const { transport, name } = options;
  const complete = options.completeDocument ?? ((document: T & { _deleted: boolean }) => document);
  const stream$ = new Subject<'RESYNC'>();
  let pushQueue: Promise<unknown> = Promise.resolve();
  // Only the collections that changed pull: a push of visits used to make every PC of the
  // facility pull all nine collections, most of them to find nothing.
  options.resync$.subscribe((collections) => {
    if (asksFor(collections, name)) stream$.next('RESYNC');
  });

  return replicateRxCollection<T, SyncCheckpoint>({
    collection: options.collection,
    replicationIdentifier: options.replicationIdentifier,
    live: true,
    // The transport backs off with jitter itself; RxDB's own pause stays short.
    retryTime: RETRY_MS,
    waitForLeadership: false,
    pull:
      options.direction === 'push-only'
        ? undefined
        : {
            batchSize: PULL_BATCH,
            stream$: stream$.asObservable(),
            handler: async (checkpoint, batchSize) => {
              const response = await transport.pull(
                name,
                checkpoint,
                batchSize,
                checkpoint === undefined,
                options.onPullRequest,
              );
              options.onPulled(response.documents.length < batchSize);
              return {
                documents: (response.documents as unknown as (T & { _deleted: boolean })[]).map(complete),
                checkpoint: response.checkpoint ?? undefined,
              };
            },
          },
    push:
      options.direction === 'pull-only'
        ? undefined
        : {
            batchSize: PUSH_BATCH,
            handler: (rows) => {
              const send = async (): Promise<(T & { _deleted: boolean })[]> => {
                await options.beforePush?.(rows);
                return ((await transport.push(name, rows)) as unknown as (T & { _deleted: boolean })[]).map(complete);
              };
              if (!options.serialPush) return send();
              // RxDB may run push batches in parallel; a chained log must arrive in order.
              const next = pushQueue.then(send);
              pushQueue = next.catch(() => undefined);
              return next;
            },
          },
  });
}
