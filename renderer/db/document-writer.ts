import type { RxCollection } from 'rxdb';
import { SYNCED_COLLECTIONS } from '../../shared/sync/collections';
import { signDocument } from '../../shared/signing/document-signature';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { lineageAfter } from '../../shared/sync/revision';
import type { SyncMeta } from '../../shared/sync/sync-meta';
import type { SenCollections, SenDatabase, Stored } from './collections';
import type { Outbox } from './outbox';

/** The collections whose documents leave this PC. */
export type WritableCollection = Exclude<keyof SenCollections, 'catalog' | 'conflicts'>;

/** A document of `C` as a repository writes it: the body, without the sync envelope. */
export type BodyOf<C extends WritableCollection> =
  SenCollections[C] extends RxCollection<infer T> ? Omit<T, 'syncMeta'> : never;

interface WriteRules {
  /** The field naming the staff member who makes each version: they sign it. */
  authorField: string;
  /** Kept in the outbox until the server has it, and counted as not yet sent. */
  recordsInOutbox: boolean;
}

const WRITE_RULES: Record<WritableCollection, WriteRules> = {
  patients: { authorField: SYNCED_COLLECTIONS.patients.authorField, recordsInOutbox: true },
  staff: { authorField: SYNCED_COLLECTIONS.staff.authorField, recordsInOutbox: true },
  // Push-only and outside the registry: an entry names its user, or nobody (a failed login).
  // Counted apart from records (Outbox.pendingCounts$), but counted: an entry written offline
  // is not on the server until it is acknowledged.
  audit: { authorField: 'userId', recordsInOutbox: true },
  encounters: { authorField: SYNCED_COLLECTIONS.encounters.authorField, recordsInOutbox: true },
  orders: { authorField: SYNCED_COLLECTIONS.orders.authorField, recordsInOutbox: true },
  observations: { authorField: SYNCED_COLLECTIONS.observations.authorField, recordsInOutbox: true },
  notes: { authorField: SYNCED_COLLECTIONS.notes.authorField, recordsInOutbox: true },
  referrals: { authorField: SYNCED_COLLECTIONS.referrals.authorField, recordsInOutbox: true },
};

type Body = Record<string, unknown>;
type StoredBody = Body & { syncMeta: SyncMeta };
type RxFields = { _deleted?: boolean; _meta?: unknown; _rev?: unknown; _attachments?: unknown };

/**
 * The one place where the client writes synced documents. Each write gets its envelope here:
 * the lineage (the revisions of the versions it was made on, so the server can recognise a
 * fast-forward) and the signature of its author, the logged-in staff member, whose id the
 * collection's author field must hold. Then the document is written and the write recorded in
 * the outbox. Repositories of every collection, present and to come, write through it.
 */
export class DocumentWriter {
  constructor(
    private readonly database: SenDatabase,
    private readonly outbox: Outbox,
    /** The logged-in user's signing key (throws when nobody is logged in). */
    private readonly currentSigner: () => DocumentSigner,
  ) {}

  /** The staff id every write is made as now. */
  author(): string {
    return this.currentSigner().signer;
  }

  /**
   * A new document. `signer` overrides the logged-in user's key: the audit trail signs an entry
   * with the key of the session it records (a logout's entry after the key is gone), or with
   * none for an entry naming nobody.
   */
  async insert<C extends WritableCollection>(
    collection: C,
    body: BodyOf<C>,
    signer?: DocumentSigner | null,
  ): Promise<Stored<BodyOf<C>>> {
    const content: Body = { ...body };
    const stored = { ...content, syncMeta: await this.envelope(collection, content, false, [], signer) };
    await this.rxCollection(collection).insert(stored);
    await this.record(collection, stored, false, null);
    return stored as Stored<BodyOf<C>>;
  }

  /**
   * New documents written together: one storage write (one IndexedDB transaction), so a crash
   * leaves all of them or none. Refused as a whole if any is (an id already taken).
   */
  async insertMany<C extends WritableCollection>(
    collection: C,
    bodies: readonly BodyOf<C>[],
  ): Promise<Stored<BodyOf<C>>[]> {
    const stored = await Promise.all(
      bodies.map(async (body) => {
        const content: Body = { ...body };
        return { ...content, syncMeta: await this.envelope(collection, content, false, []) };
      }),
    );
    if (stored.length === 0) return [];
    const { error } = await this.rxCollection(collection).bulkInsert(stored);
    if (error.length > 0) {
      throw new Error(`${error.length} of ${stored.length} new ${collection} documents were not written.`);
    }
    for (const document of stored) await this.record(collection, document, false, null);
    return stored as Stored<BodyOf<C>>[];
  }

  /**
   * Changes a document; `change` maps the stored body to the next one and may run more than once
   * (RxDB runs it again on the newest state when another write got there first). Resolves to the
   * written body, or null when there is no such document.
   */
  async update<C extends WritableCollection>(
    collection: C,
    id: string,
    change: (current: BodyOf<C>) => BodyOf<C>,
  ): Promise<Stored<BodyOf<C>> | null> {
    return this.modify(collection, id, change as unknown as (current: Body) => Body, false);
  }

  /** Deletes a document as a tombstone made by the logged-in user (`change` stamps the author). */
  async remove<C extends WritableCollection>(
    collection: C,
    id: string,
    change: (current: BodyOf<C>) => BodyOf<C>,
  ): Promise<Stored<BodyOf<C>> | null> {
    return this.modify(collection, id, change as unknown as (current: Body) => Body, true);
  }

  private async modify<C extends WritableCollection>(
    collection: C,
    id: string,
    change: (current: Body) => Body,
    deleted: boolean,
  ): Promise<Stored<BodyOf<C>> | null> {
    const document = await this.rxCollection(collection).findOne(id).exec();
    if (!document) return null;
    let previous: StoredBody | undefined;
    let written: StoredBody | undefined;
    await document.incrementalModify(async (data) => {
      // RxDB's own fields (which it puts back itself) are not the document's content.
      const { _deleted: _wasDeleted, _meta, _rev, _attachments, syncMeta, ...current } = data as StoredBody & RxFields;
      previous = { ...current, syncMeta };
      const next = change(current);
      const lineage = await lineageAfter({ ...current, _deleted: false }, syncMeta.lineage);
      written = { ...next, syncMeta: await this.envelope(collection, next, deleted, lineage) };
      return { ...written, _deleted: deleted };
    });
    if (!previous || !written) return null;
    await this.record(collection, written, deleted, previous);
    return written as Stored<BodyOf<C>>;
  }

  private async envelope(
    collection: WritableCollection,
    body: Body,
    deleted: boolean,
    lineage: string[],
    signer: DocumentSigner | null | undefined = this.currentSigner(),
  ): Promise<SyncMeta> {
    const author = body[WRITE_RULES[collection].authorField];
    // An entry naming nobody (a failed login) is signed by nobody.
    if (author === '') return { lineage, signature: null };
    if (!signer || signer.signer !== author) {
      throw new Error(`A ${collection} document by ${String(author)} cannot be signed by ${String(signer?.signer)}.`);
    }
    return { lineage, signature: await signDocument(collection, { ...body, _deleted: deleted }, signer) };
  }

  private async record(
    collection: WritableCollection,
    written: StoredBody,
    deleted: boolean,
    previous: StoredBody | null,
  ): Promise<void> {
    if (!WRITE_RULES[collection].recordsInOutbox) return;
    const base = previous && { ...previous, _deleted: false };
    await this.outbox.recordLocalWrite(collection, { ...written, _deleted: deleted }, base);
  }

  private rxCollection(collection: WritableCollection): RxCollection<StoredBody> {
    // The three collections differ only in their document type, which the public methods keep.
    return this.database[collection] as unknown as RxCollection<StoredBody>;
  }
}
