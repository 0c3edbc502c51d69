import { BehaviorSubject, type Observable } from 'rxjs';
import { documentStateKey } from '../../shared/sync/document-state';
import type { SyncedDocument } from '../../shared/sync/protocol';
import type { SenDatabase } from './collections';
import { readLocalState, writeLocalState } from './local-state';

const OUTBOX_ID = 'sync-outbox';

type State = SyncedDocument<Record<string, unknown>>;

interface PendingWrite {
  /** The state written locally that the server has not acknowledged yet */
  state: string;
  /** The state the first unacknowledged edit was made on: null for a new document. */
  base: State | null;
}

interface OutboxData {
  /** `collection/id` → the pending write */
  pending: Partial<Record<string, PendingWrite>>;
}

/**
 * Which local writes the server has not yet acknowledged: the count behind "N not yet sent".
 * Kept as a local document (device-only, never synced) so that it survives restarts.
 *
 * An entry is removed only when the server acknowledges that exact state, so an edit made
 * while an earlier version was in flight stays counted. Each entry also keeps the state the
 * edit started from, so that after the server's history was reset (restore from backup) the
 * edit can be pushed again against the master it was made on, and merged field by field.
 */
export class Outbox {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pendingCount = new BehaviorSubject<number>(0);
  private pending = new Map<string, PendingWrite>();
  /** How many local writes await the server's acknowledgement. */
  readonly pendingCount$: Observable<number> = this.pendingCount.asObservable();

  private constructor(private readonly database: SenDatabase) {}

  static async open(database: SenDatabase): Promise<Outbox> {
    const outbox = new Outbox(database);
    const stored = await readLocalState<OutboxData>(database, OUTBOX_ID);
    for (const [entry, write] of Object.entries(stored?.pending ?? {})) if (write) outbox.pending.set(entry, write);
    outbox.pendingCount.next(outbox.pending.size);
    return outbox;
  }

  /** A local write of `document`, made on top of `base` (the previous state; null if new). */
  recordLocalWrite(collection: string, document: object, base: State | null): Promise<void> {
    return this.update((pending) => {
      const entry = key(collection, document);
      // Later edits before the server acknowledged build on the same base.
      const firstBase = pending.has(entry) ? (pending.get(entry)?.base ?? null) : base;
      pending.set(entry, { state: documentStateKey(document), base: firstBase });
    });
  }

  /** The server holds `state`: forget the entry if nothing newer was written meanwhile. */
  acknowledge(collection: string, state: object): Promise<void> {
    return this.update((pending) => {
      const entry = key(collection, state);
      if (pending.get(entry)?.state === documentStateKey(state)) pending.delete(entry);
    });
  }

  /**
   * A conflict was settled in the server's favour: the local write `state` will never be sent.
   * A newer edit saved meanwhile stays pending.
   */
  forget(collection: string, state: object): Promise<void> {
    return this.update((pending) => {
      const entry = key(collection, state);
      if (pending.get(entry)?.state === documentStateKey(state)) pending.delete(entry);
    });
  }

  /** The state an unacknowledged write was made on, if the document has one pending. */
  baseOf(collection: string, id: string): State | null | undefined {
    return this.pending.get(`${collection}/${id}`)?.base;
  }

  count(): Promise<number> {
    return this.queue.then(() => this.pending.size);
  }

  /** Writes are queued: two acknowledgements must not overwrite each other's result. */
  private update(change: (pending: Map<string, PendingWrite>) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const pending = new Map(this.pending);
      change(pending);
      await writeLocalState(this.database, OUTBOX_ID, { pending: Object.fromEntries(pending) });
      this.pending = pending;
      this.pendingCount.next(pending.size);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function key(collection: string, document: object): string {
  return `${collection}/${String((document as { id?: unknown }).id)}`;
}
