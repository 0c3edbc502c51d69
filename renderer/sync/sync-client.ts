import type { RxCollection } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import {
  BehaviorSubject,
  debounceTime,
  filter,
  firstValueFrom,
  merge,
  of,
  Subject,
  takeUntil,
  timeout,
  type Observable,
  type Subscription,
} from 'rxjs';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import { sameDocumentState } from '../../shared/sync/document-state';
import { checkServerUrl } from '../../shared/sync/server-url';
import { APP_VERSION } from '../../shared/app-version';
import type { DeviceReport } from '../../shared/sync/device-report';
import { syncStreamPath, type PushRow, type SyncCheckpoint, type WireDocument } from '../../shared/sync/protocol';
import type { SyncMeta } from '../../shared/sync/sync-meta';
import type { ChangedCollections } from '../../shared/sync/resync-event';
import { withNameYearKey, type SenDatabase } from '../db/collections';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { readLocalState, writeLocalState } from '../db/local-state';
import type { Outbox, PendingCounts } from '../db/outbox';
import { replicateCollection } from './collection-replication';
import { openEventStream, type EventStream } from './event-stream';
import { HeldRowsRetry } from './held-rows-retry';
import { InitialSyncTracker } from './initial-sync-progress';
import { referencedRecords } from './push-references';
import { Quarantine, type QuarantinedDocument } from './quarantine';
import { knownErrorCode, SyncNetworkError, SyncRequestError } from './sync-http';
import { INITIAL_SYNC_STATUS, type SyncStatus } from './sync-status';
import { SyncTransport } from './sync-transport';

export interface SyncClientOptions {
  database: SenDatabase;
  outbox: Outbox;
  serverUrl: string;
  credential: string;
  now?: (() => Date) | undefined;
  /** The wire version this app speaks; only tests of old clients set another. */
  protocolVersion?: number;
  /** Servers an admin allowed over plain HTTP (see shared/sync/server-url.ts). */
  allowInsecureHosts?: readonly string[];
  /** The version reported to the province; only tests of other versions set it. */
  appVersion?: string;
}

const LAST_SYNC_ID = 'sync-last-synced-at';
const GENERATION_ID = 'sync-generation';
const WAITING_RETRY_DEBOUNCE_MS = 500;
const STOP_WAIT_MS = 15_000;

async function withinTime(task: Promise<unknown>, ms: number, what: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  const outcome = await Promise.race([task.then(() => 'done' as const), late]);
  clearTimeout(timer);
  if (outcome === 'late') console.warn(`Sen sync: ${what} took over ${String(ms / 1000)} s; going on`);
}

/** Any synced document: a body with its envelope beside it. */
type Synced = Record<string, unknown> & { syncMeta: SyncMeta };

/**
 * The collections this client keeps and how each is replicated: in the direction the registry
 * gives it, except the audit trail, which is outside the registry: it only goes up, one batch at
 * a time, because the server checks its chain in order and never sends it back.
 */
const REPLICATION = {
  patients: { direction: SYNCED_COLLECTIONS.patients.direction, serialPush: false },
  staff: { direction: SYNCED_COLLECTIONS.staff.direction, serialPush: false },
  audit: { direction: 'push-only', serialPush: true },
  encounters: { direction: SYNCED_COLLECTIONS.encounters.direction, serialPush: false },
  orders: { direction: SYNCED_COLLECTIONS.orders.direction, serialPush: false },
  observations: { direction: SYNCED_COLLECTIONS.observations.direction, serialPush: false },
  notes: { direction: SYNCED_COLLECTIONS.notes.direction, serialPush: false },
  referrals: { direction: SYNCED_COLLECTIONS.referrals.direction, serialPush: false },
  catalog: { direction: SYNCED_COLLECTIONS.catalog.direction, serialPush: false },
  conflicts: { direction: SYNCED_COLLECTIONS.conflicts.direction, serialPush: false },
} as const;
const REPLICATED_COLLECTIONS = Object.keys(REPLICATION) as (keyof typeof REPLICATION)[];

/** A patient written by a PC not yet updated comes without `nameYearKey`, which this PC indexes. */
function completePatient<T extends Synced>(document: T): T {
  return withNameYearKey(document as unknown as PatientDocument) as unknown as T;
}
export type ReplicatedCollection = (typeof REPLICATED_COLLECTIONS)[number];

export function isReplicatedCollection(name: string): name is ReplicatedCollection {
  return (REPLICATED_COLLECTIONS as readonly string[]).includes(name);
}

/**
 * The longest a push waits for the records its rows refer to. Past it the rows go anyway, and any
 * the server refuses is held and sent again, as before: a record that cannot be sent (held, or
 * edited without pause) delays the rows naming it by this much, never for good.
 */
const REFERENCE_WAIT_MS = 10_000;

/** Rounds of sending held rows again while each round moves them on (a reference chain's length). */
const MAX_RESEND_ROUNDS = 6;

/** Why a row is held: the refusal and what it waits on, to tell whether a resend moved it on. */
function holdReason(entry: QuarantinedDocument): string {
  const details = entry.details as { reason?: unknown; collection?: unknown } | undefined;
  return JSON.stringify([entry.code, details?.reason ?? null, details?.collection ?? null]);
}

/**
 * Whether a held row waits on documents of `collection` that may simply not have reached the
 * server yet: an author (or an author's new key) whose account was created or reset on this PC,
 * or a record it refers to.
 */
function isWaitingFor(collection: string): (entry: QuarantinedDocument) => boolean {
  return (entry) => waitsOn(entry) === collection;
}

/** The collection a held row waits on, if it waits on a record rather than being wrong. */
function waitsOn(entry: QuarantinedDocument): string | undefined {
  const details = entry.details as { reason?: unknown; collection?: unknown } | undefined;
  if (entry.code === 'reference-missing') return typeof details?.collection === 'string' ? details.collection : '';
  const unknownAuthor = details?.reason === 'author-unknown' || details?.reason === 'signature-key-unknown';
  return entry.code === 'forbidden' && unknownAuthor ? 'staff' : undefined;
}

/**
 * Keeps the device's collections in sync with the provincial server whenever it can be reached,
 * and publishes what the status bar and the sync panel show.
 */
export class SyncClient {
  private readonly status = new BehaviorSubject<SyncStatus>(INITIAL_SYNC_STATUS);
  readonly status$: Observable<SyncStatus> = this.status.asObservable();
  private readonly resync$ = new Subject<ChangedCollections>();
  private readonly subscriptions: Subscription[] = [];
  private replicationSubscriptions: Subscription[] = [];
  private startingOver = false;
  private stopped = false;
  private replications: RxReplicationState<Synced, SyncCheckpoint>[] = [];
  private stream: EventStream | undefined;
  private quarantine: Quarantine | undefined;
  private heldRowsRetry: HeldRowsRetry | undefined;
  private transport: SyncTransport | undefined;
  private readonly now: () => Date;
  private readonly initialSync = new InitialSyncTracker(() => performance.now());

  constructor(private readonly options: SyncClientOptions) {
    this.now = options.now ?? (() => new Date());
  }

  async start(): Promise<void> {
    const { database, outbox, serverUrl, credential } = this.options;
    const lastSynced = await readLocalState<{ at: string }>(database, LAST_SYNC_ID);
    this.patch({ lastSyncedAt: lastSynced?.at ?? null });
    const urlProblem = checkServerUrl(serverUrl, this.options.allowInsecureHosts);
    if (urlProblem) {
      // Patient data is not sent in clear text: work stays local until an admin decides.
      this.patch({ problem: urlProblem });
      this.subscriptions.push(outbox.pendingCounts$.subscribe((counts) => this.patchUnsent(counts)));
      return;
    }
    const quarantine = await Quarantine.open(database);
    this.quarantine = quarantine;
    const waiting = (entry: QuarantinedDocument): boolean => waitsOn(entry) !== undefined;
    const heldRowsRetry = new HeldRowsRetry(() => {
      const pass = this.resendHeld(waiting);
      this.inBackground(pass);
      return pass.catch(() => undefined);
    });
    this.heldRowsRetry = heldRowsRetry;
    this.subscriptions.push(
      outbox.pendingCounts$.subscribe((counts) => this.patchUnsent(counts)),
      quarantine.entries$.subscribe((entries) => {
        this.patch({ quarantined: entries.length });
        heldRowsRetry.update(entries.filter(waiting).map((entry) => `${entry.collection}/${entry.id}`));
      }),
    );
    this.transport = new SyncTransport({
      serverUrl,
      credential,
      quarantine,
      baseOf: (collection, id) => outbox.baseOf(collection, id),
      ...(this.options.protocolVersion === undefined ? {} : { protocolVersion: this.options.protocolVersion }),
      now: this.now,
      onOutcome: (error) => this.recordOutcome(error),
      report: () => this.deviceReport(),
    });
    await this.startReplications();

    this.stream = openEventStream({
      url: new URL(syncStreamPath(this.options.protocolVersion), serverUrl),
      credential,
      onResync: (collections) => {
        this.transport?.noteResync();
        this.resync$.next(collections);
      },
      onRetryScheduled: (at) => this.patch({ nextRetryAt: at ? at.toISOString() : null }),
      onRefused: (status, code, message) =>
        this.recordOutcome(new SyncRequestError(status, knownErrorCode(code), message)),
      onConnectionChange: (connected) => {
        this.patch({ online: connected });
        // Back online: push what waited instead of sitting out the backoff, and give records the
        // server failed on another chance (it may have been fixed or restarted meanwhile).
        if (connected) {
          this.syncNow();
          // Rows waiting on a record go too: the retry timer may have backed off to minutes.
          this.inBackground(
            this.resendHeld((entry) => entry.code === 'internal-error' || waitsOn(entry) !== undefined),
          );
        }
      },
    });
  }

  /**
   * Replications of this server history. The generation changes when the server reports a new
   * epoch, so that RxDB starts over: it downloads everything, keeps unpushed local changes, and
   * pushes back what the server lost.
   */
  private async startReplications(): Promise<void> {
    const { database, outbox, serverUrl } = this.options;
    const transport = this.transport;
    const quarantine = this.quarantine;
    if (!transport || !quarantine) return;
    const generation = (await readLocalState<{ generation: number }>(database, GENERATION_ID))?.generation ?? 0;
    const replicationSubscriptions: Subscription[] = [];
    const replications: RxReplicationState<Synced, SyncCheckpoint>[] = [];
    for (const name of REPLICATED_COLLECTIONS) {
      // Absent only in tests that leave a collection out (see createSenDatabase).
      if (!(name in database.collections)) continue;
      // The first-sync progress bar follows patients, by far the largest collection.
      const showsProgress = name === 'patients';
      const replication = replicateCollection<Synced>({
        collection: database[name] as unknown as RxCollection<Synced>,
        name,
        direction: REPLICATION[name].direction,
        serialPush: REPLICATION[name].serialPush,
        replicationIdentifier: `sen-${name}-${serverUrl}-${generation}`,
        transport,
        resync$: this.resync$,
        onPullRequest: (documents, total) => {
          if (!showsProgress) return;
          if (total !== undefined) this.initialSync.start(total);
          this.initialSync.add(documents);
          this.patch({ initialSync: this.initialSync.progress });
        },
        completeDocument: name === 'patients' ? completePatient : undefined,
        beforePush: (rows) => this.referencesSent(name, rows),
        onPulled: (caughtUp) => {
          if (!caughtUp || !showsProgress) return;
          this.initialSync.finish();
          this.patch({ initialSync: null });
          this.inBackground(this.markSynced());
        },
      });
      replicationSubscriptions.push(
        // RxDB counts a quarantined row as sent; for the user it is not.
        replication.sent$.subscribe((state) => {
          const id = String((state as { id?: unknown }).id);
          if (!quarantine.has(name, id)) this.inBackground(outbox.acknowledge(name, state));
        }),
        // The server merged both sides and recorded any losing value: adopting its state loses nothing.
        replication.conflict$.subscribe(({ input, output }) => {
          if (sameDocumentState(input.realMasterState, output)) {
            this.inBackground(outbox.forget(name, input.newDocumentState));
          }
        }),
      );
      // Collections sync independently: a write can reach the server before the account that
      // made it or the record it refers to. Once that collection moves either way, what waited
      // on it goes again.
      replicationSubscriptions.push(
        merge(replication.sent$, replication.received$)
          .pipe(debounceTime(WAITING_RETRY_DEBOUNCE_MS))
          .subscribe(() => this.inBackground(this.resendHeld(isWaitingFor(name)))),
      );
      replications.push(replication);
    }
    this.replications = replications;
    this.replicationSubscriptions = replicationSubscriptions;
  }

  private async stopReplications(): Promise<void> {
    for (const subscription of this.replicationSubscriptions) subscription.unsubscribe();
    await Promise.all(this.replications.map((replication) => replication.cancel()));
    this.replications = [];
  }

  /** The server's history changed (restored from a backup): start this device's sync over. */
  private async startOver(): Promise<void> {
    if (this.startingOver) return;
    this.startingOver = true;
    try {
      await this.stopReplications();
      const { database } = this.options;
      const generation = (await readLocalState<{ generation: number }>(database, GENERATION_ID))?.generation ?? 0;
      await writeLocalState(database, GENERATION_ID, { generation: generation + 1 });
      if (!this.stopped) await this.startReplications();
    } finally {
      this.startingOver = false;
    }
  }

  /** "Sync now": retry at once, pull and push, and try the live stream again if it is down. */
  syncNow(): void {
    this.stream?.retryNow();
    this.transport?.gate.reset();
    for (const replication of this.replications) replication.reSync();
    this.resync$.next(null);
  }

  get quarantine$(): Observable<QuarantinedDocument[]> {
    if (!this.quarantine) throw new Error('sync has not started');
    return this.quarantine.entries$;
  }

  /**
   * The content the server refused, as it was sent (its body and `_deleted`, without the sync
   * envelope): kept apart from the document, which a later pull may overwrite, so that it can
   * still be fixed ("Sửa") or sent again ("Gửi lại").
   */
  heldCopy(collection: string, id: string): Record<string, unknown> | undefined {
    const held = this.quarantine?.get(collection, id)?.row.newDocumentState;
    if (!held) return undefined;
    const { syncMeta: _envelope, ...content } = held;
    return content;
  }

  /**
   * Sends the held copy of a quarantined document again, exactly as it was refused (a deletion
   * stays a deletion), against the master it was made on. Accepted, it becomes the document on
   * this device, merged with whatever the server held meanwhile.
   */
  async resend(collection: ReplicatedCollection, id: string): Promise<void> {
    const held = this.quarantine?.get(collection, id);
    if (!held || !this.transport) return;
    const newDocumentState = held.row.newDocumentState;
    const masters = await this.transport.push(collection, [
      { assumedMasterState: held.row.assumedMasterState ?? null, newDocumentState },
    ]);
    if (this.quarantine?.has(collection, id)) return;
    const accepted = masters[0] ?? newDocumentState;
    await this.applyAccepted(collection, accepted);
    await this.options.outbox.acknowledge(collection, accepted);
  }

  /**
   * Makes the local document exactly what the server now holds, envelope included (pushing it
   * again is a no-op there). A deletion too: a plain remove() would keep the local content with
   * its signature, a state nobody signed as deleted.
   */
  private async applyAccepted(collection: ReplicatedCollection, state: WireDocument<Record<string, unknown>>) {
    const rxCollection = this.options.database[collection] as unknown as RxCollection<Record<string, unknown>>;
    const { _deleted: deleted, ...body } = state;
    const document = await rxCollection.findOne(String(body.id)).exec();
    if (document) await document.incrementalModify((current) => ({ ...current, ...body, _deleted: deleted }));
    else if (!deleted) await rxCollection.insert(body);
  }

  /**
   * Sends held rows again. A row may come back held for another reason: a lab result that waited
   * on its visit now waits on its order. If that order already reached the server, nothing would
   * ever wake the row again (the orders collection has nothing left to send), and it stayed held
   * until someone pressed "Gửi lại" (found by the 10,000-document backlog bench). So a row whose
   * reason changed goes again at once, for as long as each round moves it on: a chain of
   * references is a few links long.
   */
  private async resendHeld(which: (entry: QuarantinedDocument) => boolean): Promise<void> {
    let candidates = (this.quarantine?.current ?? []).filter(which);
    for (let round = 0; round < MAX_RESEND_ROUNDS && candidates.length > 0; round += 1) {
      const movedOn: QuarantinedDocument[] = [];
      for (const entry of candidates) {
        if (this.stopped) return;
        if (!isReplicatedCollection(entry.collection)) continue;
        // Refused or failed again, it stays held; the next entries still get their chance.
        await this.resend(entry.collection, entry.id).catch(() => undefined);
        const after = this.quarantine?.get(entry.collection, entry.id);
        if (after && holdReason(after) !== holdReason(entry)) movedOn.push(after);
      }
      candidates = movedOn;
    }
  }

  /** Resolves when every replication has nothing left to pull or push. */
  async awaitInSync(): Promise<void> {
    await Promise.all(this.replications.map((replication) => replication.awaitInSync()));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.stopping.next();
    this.heldRowsRetry?.stop();
    this.stream?.close();
    // Requests waiting out a backoff would hold up each replication's cancel by up to 30 s.
    this.transport?.gate.close();
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    // A replication finishing a request to a slow server is waited for, but not forever: the
    // window must close. Whatever it did not write is pulled or pushed again next time.
    await withinTime(this.stopReplications(), STOP_WAIT_MS, 'stopping replication');
    // Local writes already under way finish before the database may be closed.
    await withinTime(Promise.all(this.background), STOP_WAIT_MS, 'finishing sync bookkeeping');
  }

  private readonly background = new Set<Promise<unknown>>();
  private readonly stopping = new Subject<void>();

  /**
   * Waits until the records `rows` refer to in other collections have reached the server (or are
   * held there, or REFERENCE_WAIT_MS passed): collections push in parallel, and a lab result sent
   * before its order is refused, held and sent again alone.
   */
  private async referencesSent(collection: string, rows: PushRow<Record<string, unknown>>[]): Promise<void> {
    const { outbox } = this.options;
    const quarantine = this.quarantine;
    const references = referencedRecords(collection, rows);
    // Only records made on this PC and never acknowledged: an edit of a visit the server has held
    // for weeks does not hold up the orders naming it.
    const waiting = (): boolean =>
      references.some(
        ({ collection: name, id }) =>
          outbox.isUnsent(name, id) && outbox.baseOf(name, id) === null && !quarantine?.has(name, id),
      );
    if (!waiting() || this.stopped) return;
    const changes = quarantine ? merge(outbox.pendingCounts$, quarantine.entries$) : outbox.pendingCounts$;
    await firstValueFrom(
      changes.pipe(
        filter(() => !waiting()),
        timeout({ first: REFERENCE_WAIT_MS, with: () => of(null) }),
        takeUntil(this.stopping),
      ),
      { defaultValue: null },
    );
  }

  /** Runs a local write that nobody awaits, but that stop() waits for. */
  private inBackground(task: Promise<unknown>): void {
    const tracked = task
      // A failed bookkeeping write (outbox, last-sync time) must be seen, not crash sync.
      .catch((error: unknown) => console.error('Sen sync: a local bookkeeping write failed', error))
      .finally(() => this.background.delete(tracked));
    this.background.add(tracked);
  }

  private recordOutcome(error: unknown): void {
    if (error === null) this.patch({ online: true, problem: null });
    else if (error instanceof SyncNetworkError) this.patch({ online: false });
    else if (error instanceof SyncRequestError && error.code === 'epoch-changed') this.inBackground(this.startOver());
    else if (error instanceof SyncRequestError) this.patch({ online: true, problem: error.code });
  }

  private async markSynced(): Promise<void> {
    if (this.stopped) return;
    const at = this.now().toISOString();
    await writeLocalState(this.options.database, LAST_SYNC_ID, { at });
    this.patch({ lastSyncedAt: at });
  }

  /** What the province's fleet page shows of this PC, as the status bar knows it now. */
  private deviceReport(): DeviceReport {
    const { unsent, unsentAudit, quarantined, initialSync } = this.status.value;
    return {
      appVersion: this.options.appVersion ?? APP_VERSION,
      backlog: unsent,
      auditBacklog: unsentAudit,
      quarantined,
      firstSync: initialSync ? { done: initialSync.done, total: initialSync.total } : null,
    };
  }

  private patchUnsent(counts: PendingCounts): void {
    this.patch({ unsent: counts.records, unsentAudit: counts.audit });
  }

  private patch(change: Partial<SyncStatus>): void {
    this.status.next({ ...this.status.value, ...change });
  }
}
