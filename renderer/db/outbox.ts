import { BehaviorSubject, type Observable } from 'rxjs';
import { documentStateKey } from '../../shared/sync/document-state';
import type { SenDatabase } from './collections';
import { readLocalState, writeLocalState } from './local-state';

const OUTBOX_ID = 'sync-outbox';

interface OutboxData {
  /** `collection/id` → the state written locally that the server has not acknowledged yet */
  pending: Partial<Record<string, string>>;
}

/**
 * Which local writes the server has not yet acknowledged: the count behind "N not yet sent".
 * Kept as a local document (device-only, never synced) so that it survives restarts.
 *
 * An entry is removed only when the server acknowledges that exact state, so an edit made
 * while an earlier version was in flight stays counted.
 */
export class Outbox {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pendingCount = new BehaviorSubject<number>(0);
  /** How many local writes await the server's acknowledgement. */
  readonly pendingCount$: Observable<number> = this.pendingCount.asObservable();

  private constructor(private readonly database: SenDatabase) {}

  static async open(database: SenDatabase): Promise<Outbox> {
    const outbox = new Outbox(database);
    outbox.pendingCount.next(await outbox.count());
    return outbox;
  }

  recordLocalWrite(collection: string, document: object): Promise<void> {
    return this.update((pending) => {
      pending.set(key(collection, document), documentStateKey(document));
    });
  }

  /** The server holds `state`: forget the entry if nothing newer was written meanwhile. */
  acknowledge(collection: string, state: object): Promise<void> {
    return this.update((pending) => {
      const entry = key(collection, state);
      if (pending.get(entry) === documentStateKey(state)) pending.delete(entry);
    });
  }

  /** A conflict was settled in the server's favour: the local write will never be sent. */
  forget(collection: string, document: object): Promise<void> {
    return this.update((pending) => {
      pending.delete(key(collection, document));
    });
  }

  async count(): Promise<number> {
    return (await this.load()).size;
  }

  /** Writes are queued: two acknowledgements must not overwrite each other's result. */
  private update(change: (pending: Map<string, string>) => void): Promise<void> {
    const next = this.queue.then(async () => {
      const pending = await this.load();
      change(pending);
      await writeLocalState(this.database, OUTBOX_ID, { pending: Object.fromEntries(pending) });
      this.pendingCount.next(pending.size);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async load(): Promise<Map<string, string>> {
    const data = await readLocalState<OutboxData>(this.database, OUTBOX_ID);
    const entries = Object.entries(data?.pending ?? {}).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    );
    return new Map(entries);
  }
}

function key(collection: string, document: object): string {
  return `${collection}/${String((document as { id?: unknown }).id)}`;
}
