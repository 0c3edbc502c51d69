import type { RxCollection } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { Subject } from 'rxjs';
import { syncPath, type PullResponse, type PushResponse, type SyncCheckpoint } from '../../shared/sync/protocol';
import { requestJson } from './sync-http';

export interface CollectionReplicationOptions<T> {
  collection: RxCollection<T>;
  /** The collection's name on the wire */
  name: string;
  serverUrl: string;
  credential: string;
  /** Emits when the live stream asks for a pull */
  resync$: Subject<void>;
  onPulled: (caughtUp: boolean) => void;
  onRequestOutcome: (error: unknown) => void;
}

const PULL_BATCH = 200;
const PUSH_BATCH = 100;
const RETRY_MS = 3000;

/** One collection replicated both ways through the server's pull/push handlers. */
export function replicateCollection<T>(
  options: CollectionReplicationOptions<T>,
): RxReplicationState<T, SyncCheckpoint> {
  const { serverUrl, credential, name } = options;
  const stream$ = new Subject<'RESYNC'>();
  options.resync$.subscribe(() => stream$.next('RESYNC'));

  const observed = async <R>(request: Promise<R>): Promise<R> => {
    try {
      const result = await request;
      options.onRequestOutcome(null);
      return result;
    } catch (error) {
      options.onRequestOutcome(error);
      throw error;
    }
  };

  return replicateRxCollection<T, SyncCheckpoint>({
    collection: options.collection,
    replicationIdentifier: `sen-${name}-${serverUrl}`,
    live: true,
    retryTime: RETRY_MS,
    waitForLeadership: false,
    pull: {
      batchSize: PULL_BATCH,
      stream$: stream$.asObservable(),
      handler: async (checkpoint, batchSize) => {
        const url = new URL(syncPath(name, 'pull'), serverUrl);
        url.searchParams.set('limit', String(batchSize));
        if (checkpoint) url.searchParams.set('checkpoint', JSON.stringify(checkpoint));
        const response = await observed(requestJson<PullResponse<T>>(url, { method: 'GET', credential }));
        options.onPulled(response.documents.length < batchSize);
        return { documents: response.documents, checkpoint: response.checkpoint ?? undefined };
      },
    },
    push: {
      batchSize: PUSH_BATCH,
      handler: (rows) =>
        observed(
          requestJson<PushResponse<T>>(new URL(syncPath(name, 'push'), serverUrl), {
            method: 'POST',
            credential,
            body: rows,
          }),
        ),
    },
  });
}
