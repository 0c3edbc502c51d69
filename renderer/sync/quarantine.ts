import { BehaviorSubject, type Observable } from 'rxjs';
import type { SenDatabase } from '../db/collections';
import { listLocalState, readLocalState, removeLocalState, writeLocalState } from '../db/local-state';
import type { PushRow } from '../../shared/sync/protocol';

type Body = Record<string, unknown>;

/** A document the server refused, kept with its content and the reason. */
export interface QuarantinedDocument {
  collection: string;
  id: string;
  row: PushRow<Body>;
  code: string;
  message: string;
  details: unknown;
  /** Device-clock time it was refused */
  at: string;
}

/** One local document per held document: `quarantine/<collection>/<id>`. */
const ENTRY_PREFIX = 'quarantine/';
/** Where every held document was kept in one document before; read once and moved. */
const LEGACY_QUARANTINE_ID = 'sync-quarantine';

/**
 * Documents the server rejected (invalid, out of scope). They stay on the device, listed in the
 * sync panel with the reason, and leave quarantine only when the server accepts them: after
 * they are fixed (a new local write is pushed again) or resent.
 */
export class Quarantine {
  private readonly entries = new BehaviorSubject<QuarantinedDocument[]>([]);
  readonly entries$: Observable<QuarantinedDocument[]> = this.entries.asObservable();
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly database: SenDatabase) {}

  static async open(database: SenDatabase): Promise<Quarantine> {
    const quarantine = new Quarantine(database);
    // Only the quarantine writes under its prefix.
    const entries = (await listLocalState(database, ENTRY_PREFIX)).map(({ data }) => data as QuarantinedDocument);
    const legacy = await readLocalState<{ entries: QuarantinedDocument[] }>(database, LEGACY_QUARANTINE_ID);
    for (const entry of legacy?.entries ?? []) {
      if (entries.some((held) => sameDocument(held, entry))) continue;
      await writeLocalState(database, entryId(entry), entry);
      entries.push(entry);
    }
    if (legacy) await removeLocalState(database, LEGACY_QUARANTINE_ID);
    quarantine.entries.next(entries);
    return quarantine;
  }

  get current(): QuarantinedDocument[] {
    return this.entries.value;
  }

  has(collection: string, id: string): boolean {
    return this.get(collection, id) !== undefined;
  }

  get(collection: string, id: string): QuarantinedDocument | undefined {
    return this.entries.value.find((held) => sameDocument(held, { collection, id }));
  }

  /** Holds a refused row; refused again, it keeps the master it was first pushed against. */
  hold(entry: QuarantinedDocument): Promise<void> {
    return this.queued(async () => {
      const earlier = this.get(entry.collection, entry.id);
      const base = earlier ? earlier.row.assumedMasterState : entry.row.assumedMasterState;
      const held = { ...entry, row: { ...entry.row, assumedMasterState: base ?? null } };
      await writeLocalState(this.database, entryId(held), held);
      this.entries.next([...this.entries.value.filter((other) => !sameDocument(other, held)), held]);
    });
  }

  release(collection: string, id: string): Promise<void> {
    if (!this.has(collection, id)) return Promise.resolve();
    return this.queued(async () => {
      if (!this.has(collection, id)) return;
      await removeLocalState(this.database, entryId({ collection, id }));
      this.entries.next(this.entries.value.filter((held) => !sameDocument(held, { collection, id })));
    });
  }

  /** One change at a time: a release must not overtake the hold it undoes. */
  private queued(change: () => Promise<void>): Promise<void> {
    const next = this.queue.then(change);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function entryId(document: { collection: string; id: string }): string {
  return `${ENTRY_PREFIX}${document.collection}/${document.id}`;
}

function sameDocument(a: { collection: string; id: string }, b: { collection: string; id: string }): boolean {
  return a.collection === b.collection && a.id === b.id;
}
