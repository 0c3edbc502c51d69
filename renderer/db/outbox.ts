import { BehaviorSubject, type Observable } from 'rxjs';
import { documentStateKey } from '../../shared/sync/document-state';
import type { WireDocument } from '../../shared/sync/protocol';
import type { SenDatabase } from './collections';
import { listLocalState, readLocalState, removeLocalState, writeLocalState } from './local-state';

/** One local document per pending write: `outbox/<collection>/<id>`. */
const ENTRY_PREFIX = 'outbox/';
/** Where the whole outbox was kept as one document before; read once and moved. */
const LEGACY_OUTBOX_ID = 'sync-outbox';

/** A state as written, with its envelope: the base is pushed again as an assumed master. */
type State = WireDocument<Record<string, unknown>>;

interface PendingWrite {
  /** The state written locally that the server has not acknowledged yet */
  state: string;
  /** The state the first unacknowledged edit was made on: null for a new document. */
  base: State | null;
}

/** What the status bar counts apart: records (patients, visits…) and entries of the audit trail. */
export interface PendingCounts {
  records: number;
  audit: number;
}

/** The audit trail's entries are not records a clerk would recognise: counted apart. */
const AUDIT_PREFIX = 'audit/';

function countPending(entries: Iterable<string>): PendingCounts {
  let audit = 0;
  let records = 0;
  for (const entry of entries) {
    if (entry.startsWith(AUDIT_PREFIX)) audit += 1;
    else records += 1;
  }
  return { records, audit };
}

/**
 * Which local writes the server has not yet acknowledged: the count behind "N not yet sent".
 * Kept as local documents (device-only, never synced) so that it survives restarts, one per
 * pending document: a write changes its own entry, whatever the backlog (a PC offline for weeks
 * holds thousands).
 *
 * An entry is removed only when the server acknowledges that exact state, so an edit made
 * while an earlier version was in flight stays counted. Each entry also keeps the state the
 * edit started from, so that after the server's history was reset (restore from backup) the
 * edit can be pushed again against the master it was made on, and merged field by field.
 */
export class Outbox {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pendingCounts = new BehaviorSubject<PendingCounts>({ records: 0, audit: 0 });
  private readonly pending = new Map<string, PendingWrite>();
  /** How many local writes await the server's acknowledgement: records, and audit entries. */
  readonly pendingCounts$: Observable<PendingCounts> = this.pendingCounts.asObservable();

  private constructor(private readonly database: SenDatabase) {}

  static async open(database: SenDatabase): Promise<Outbox> {
    const outbox = new Outbox(database);
    for (const { id, data } of await listLocalState(database, ENTRY_PREFIX)) {
      // Only the outbox writes under its prefix.
      outbox.pending.set(id.slice(ENTRY_PREFIX.length), data as PendingWrite);
    }
    await outbox.moveLegacyOutbox();
    outbox.pendingCounts.next(countPending(outbox.pending.keys()));
    return outbox;
  }

  /** A local write of `document`, made on top of `base` (the previous state; null if new). */
  recordLocalWrite(collection: string, document: object, base: State | null): Promise<void> {
    const entry = key(collection, document);
    return this.change(entry, (current) => ({
      state: documentStateKey(document),
      // Later edits before the server acknowledged build on the same base.
      base: current ? current.base : base,
    }));
  }

  /** The server holds `state`: forget the entry if nothing newer was written meanwhile. */
  acknowledge(collection: string, state: object): Promise<void> {
    return this.forgetIfStill(collection, state);
  }

  /**
   * A conflict was settled in the server's favour: the local write `state` will never be sent.
   * A newer edit saved meanwhile stays pending.
   */
  forget(collection: string, state: object): Promise<void> {
    return this.forgetIfStill(collection, state);
  }

  /** Whether the document has a local write the server has not acknowledged. */
  isUnsent(collection: string, id: string): boolean {
    return this.pending.has(`${collection}/${id}`);
  }

  /** The state an unacknowledged write was made on, if the document has one pending. */
  baseOf(collection: string, id: string): State | null | undefined {
    return this.pending.get(`${collection}/${id}`)?.base;
  }

  /** Pending records, audit entries left out (see pendingCounts$). */
  count(): Promise<number> {
    return this.queue.then(() => countPending(this.pending.keys()).records);
  }

  private forgetIfStill(collection: string, state: object): Promise<void> {
    const entry = key(collection, state);
    const stateKey = documentStateKey(state);
    return this.change(entry, (current) => (current?.state === stateKey ? null : current));
  }

  /**
   * Changes one entry (null removes it). Changes are queued: an acknowledgement must not
   * overtake the write it acknowledges, nor two writes of one entry each other.
   */
  private change(entry: string, next: (current: PendingWrite | undefined) => PendingWrite | null | undefined) {
    const done = this.queue.then(async () => {
      const current = this.pending.get(entry);
      const updated = next(current);
      if (updated === current) return;
      if (updated) await writeLocalState(this.database, `${ENTRY_PREFIX}${entry}`, updated);
      else await removeLocalState(this.database, `${ENTRY_PREFIX}${entry}`);
      if (updated) this.pending.set(entry, updated);
      else this.pending.delete(entry);
      this.pendingCounts.next(countPending(this.pending.keys()));
    });
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** Entries from the single document older versions kept: each becomes its own, then it goes. */
  private async moveLegacyOutbox(): Promise<void> {
    const legacy = await readLocalState<{ pending: Partial<Record<string, PendingWrite>> }>(
      this.database,
      LEGACY_OUTBOX_ID,
    );
    if (!legacy) return;
    for (const [entry, write] of Object.entries(legacy.pending)) {
      if (!write || this.pending.has(entry)) continue;
      await writeLocalState(this.database, `${ENTRY_PREFIX}${entry}`, write);
      this.pending.set(entry, write);
    }
    await removeLocalState(this.database, LEGACY_OUTBOX_ID);
  }
}

function key(collection: string, document: object): string {
  return `${collection}/${String((document as { id?: unknown }).id)}`;
}
