import type { RxReplicationState } from 'rxdb/plugins/replication';
import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import { sameDocumentState } from '../../shared/sync/document-state';
import { SYNC_STREAM_PATH, type SyncCheckpoint } from '../../shared/sync/protocol';
import type { SenDatabase } from '../db/collections';
import { readLocalState, writeLocalState } from '../db/local-state';
import type { Outbox } from '../db/outbox';
import { replicateCollection } from './collection-replication';
import { openEventStream } from './event-stream';
import { SyncNetworkError, SyncRequestError } from './sync-http';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status';

export interface SyncClientOptions {
  database: SenDatabase;
  outbox: Outbox;
  serverUrl: string;
  credential: string;
  now?: () => Date;
}

const LAST_SYNC_ID = 'sync-last-synced-at';

/**
 * Keeps the device's collections in sync with the provincial server whenever it can be reached,
 * and publishes what the status bar shows.
 */
export class SyncClient {
  private readonly status = new BehaviorSubject<SyncStatus>(INITIAL_SYNC_STATUS);
  readonly status$: Observable<SyncStatus> = this.status.asObservable();
  private readonly resync$ = new Subject<void>();
  private readonly subscriptions: Subscription[] = [];
  private replications: RxReplicationState<object, SyncCheckpoint>[] = [];
  private stream: { close: () => void } | undefined;
  private readonly now: () => Date;

  constructor(private readonly options: SyncClientOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async start(): Promise<void> {
    const { database, outbox, serverUrl, credential } = this.options;
    const lastSynced = await readLocalState<{ at: string }>(database, LAST_SYNC_ID);
    this.patch({ lastSyncedAt: lastSynced?.at ?? null });
    this.subscriptions.push(outbox.pendingCount$.subscribe((unsent) => this.patch({ unsent })));

    const patients = replicateCollection({
      collection: database.patients,
      name: 'patients',
      serverUrl,
      credential,
      resync$: this.resync$,
      onPulled: (caughtUp) => {
        if (caughtUp) void this.markSynced();
      },
      onRequestOutcome: (error) => this.recordOutcome(error),
    });
    this.subscriptions.push(
      patients.sent$.subscribe((state) => void outbox.acknowledge('patients', state)),
      patients.conflict$.subscribe(({ input, output }) => {
        if (sameDocumentState(input.realMasterState, output)) void outbox.forget('patients', output);
      }),
    );
    this.replications = [patients as unknown as RxReplicationState<object, SyncCheckpoint>];

    this.stream = openEventStream({
      url: new URL(SYNC_STREAM_PATH, serverUrl),
      credential,
      onResync: () => this.resync$.next(),
      onConnectionChange: (connected) => {
        this.patch({ online: connected });
        // Back online: push what waited instead of sitting out the retry timer.
        if (connected) for (const replication of this.replications) replication.reSync();
      },
    });
  }

  /** "Sync now": pull and push at once. */
  syncNow(): void {
    for (const replication of this.replications) replication.reSync();
    this.resync$.next();
  }

  /** Resolves when every replication has nothing left to pull or push. */
  async awaitInSync(): Promise<void> {
    await Promise.all(this.replications.map((replication) => replication.awaitInSync()));
  }

  async stop(): Promise<void> {
    this.stream?.close();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await Promise.all(this.replications.map((replication) => replication.cancel()));
  }

  private recordOutcome(error: unknown): void {
    if (error === null) this.patch({ online: true, problem: null });
    else if (error instanceof SyncNetworkError) this.patch({ online: false });
    else if (error instanceof SyncRequestError) this.patch({ online: true, problem: error.code });
  }

  private async markSynced(): Promise<void> {
    const at = this.now().toISOString();
    await writeLocalState(this.options.database, LAST_SYNC_ID, { at });
    this.patch({ lastSyncedAt: at });
  }

  private patch(change: Partial<SyncStatus>): void {
    this.status.next({ ...this.status.value, ...change });
  }
}
