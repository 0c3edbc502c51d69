import { BehaviorSubject, type Observable } from 'rxjs';
import type { SenDatabase } from '../db/collections';
import { readLocalState, writeLocalState } from '../db/local-state';
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

const QUARANTINE_ID = 'sync-quarantine';

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
    const stored = await readLocalState<{ entries: QuarantinedDocument[] }>(database, QUARANTINE_ID);
    quarantine.entries.next(stored?.entries ?? []);
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
    return this.update((entries) => {
      const earlier = entries.find((held) => sameDocument(held, entry));
      const base = earlier ? earlier.row.assumedMasterState : entry.row.assumedMasterState;
      const held = { ...entry, row: { ...entry.row, assumedMasterState: base ?? null } };
      return [...entries.filter((other) => !sameDocument(other, entry)), held];
    });
  }

  release(collection: string, id: string): Promise<void> {
    if (!this.has(collection, id)) return Promise.resolve();
    return this.update((entries) => entries.filter((held) => !sameDocument(held, { collection, id })));
  }

  private update(change: (entries: QuarantinedDocument[]) => QuarantinedDocument[]): Promise<void> {
    const next = this.queue.then(async () => {
      const entries = change(this.entries.value);
      await writeLocalState(this.database, QUARANTINE_ID, { entries });
      this.entries.next(entries);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function sameDocument(a: { collection: string; id: string }, b: { collection: string; id: string }): boolean {
  return a.collection === b.collection && a.id === b.id;
}
