import { randomUUID } from 'node:crypto';
import type { SyncedCollection } from '../../shared/sync/collections';
import { sameDocumentState } from '../../shared/sync/document-state';
import type { FieldConflict } from '../../shared/sync/merge-document';
import type { SyncedDocument, WireDocument } from '../../shared/sync/protocol';
import type { DocumentSignature } from '../../shared/sync/sync-meta';
import type { StaffDocument } from '../../shared/staff/staff-document';
import type { AuthenticatedDevice } from '../auth/authenticate-device';
import { isRetryableTransactionError, type Database, type SqlExecutor } from '../db/database';
import { facilityScope } from '../../shared/sync/scopes';
import { writeDocuments, type DocumentWrite } from '../documents/write-documents';
import { HttpError } from '../http/http-error';
import type { SignatureChecker } from '../signing/signature-checker';
import { cachedFacilityStaff, refuseUnauthorizedWrite, unprovenWrite } from './authorize-authors';
import { refuseMissingReferences } from './check-references';
import { unprovenClinicalSignature } from './clinical-signatures';
import {
  changedFields,
  CONFLICT_ROW_COLUMNS,
  publishConflicts,
  settleConflicts,
  type ConflictRow,
  type SettledFields,
} from './conflict-documents';
import type { ParsedPushRow } from './parse-push-rows';
import { resolvePushRow } from './resolve-push-row';
import { refuseChangeOfSigned, refuseFieldsNotOwned, refuseOutOfScope } from './scope-rules';

type Body = Record<string, unknown>;
type State = SyncedDocument<Body>;

interface MasterRow {
  id: string;
  scope: string;
  body: Body;
  deleted: boolean;
  lineage: string[];
  signature: DocumentSignature | null;
}

const MAX_ATTEMPTS = 5;

/**
 * Applies a push batch in one transaction and returns, for every row that met a different
 * master, the master state the device must adopt (merged where both sides changed), with its
 * envelope. Nothing of a refused batch is stored.
 *
 * Rows are locked in id order so that parallel batches from one client cannot deadlock; two
 * first inserts of the same id race on the primary key, and the loser's transaction is rerun,
 * when it sees the winner's row as a master to merge with.
 */
export async function pushDocuments(
  database: Database,
  collectionName: string,
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
  rows: ParsedPushRow[],
  signatures: SignatureChecker,
): Promise<WireDocument<Body>[]> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.transaction((tx) =>
        applyPush(tx, { database, collectionName, collection, device, signatures }, rows),
      );
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
    }
  }
}

interface PushContext {
  database: Database;
  collectionName: string;
  collection: SyncedCollection<Body>;
  device: AuthenticatedDevice;
  signatures: SignatureChecker;
}

/**
 * The page costs a fixed number of statements, whatever its size: the rows are decided in memory
 * against the masters locked in one query, then references are checked, conflicts settled and
 * recorded, and documents written, each for the whole page at once.
 */
async function applyPush(tx: SqlExecutor, context: PushContext, rows: ParsedPushRow[]): Promise<WireDocument<Body>[]> {
  const { database, collectionName, collection, device, signatures } = context;
  const sorted = [...rows].sort((a, b) => compareIds(documentId(a.newDocumentState), documentId(b.newDocumentState)));
  const masters = await lockMasters(
    tx,
    collectionName,
    sorted.map((row) => documentId(row.newDocumentState)),
  );

  // Read once, and only if some row changes the master: a retried push costs no extra query.
  let staff: ReadonlyMap<string, StaffDocument> | undefined;
  const facilityStaff = async (): Promise<ReadonlyMap<string, StaffDocument>> =>
    (staff ??= await cachedFacilityStaff(database, tx, device.facilityCode));
  // Every write must prove its author; the checks run side by side and are awaited before
  // anything is written.
  const proofs: Promise<HttpError | null>[] = [];
  const checkAuthor = async (masterState: State | undefined, row: ParsedPushRow, stored: State): Promise<void> => {
    const accounts = await facilityStaff();
    refuseUnauthorizedWrite(collection, accounts, masterState, row, device.facilityCode);
    proofs.push(unprovenWrite(signatures, collectionName, collection, accounts, row));
    proofs.push(
      unprovenClinicalSignature(collectionName, collection, accounts, masterState, row.newDocumentState, stored),
    );
  };

  const answers: WireDocument<Body>[] = [];
  const writes: DocumentWrite[] = [];
  // What the page's writes name (checked for the page at once), the conflicts their edits
  // settle, and the losing values their merges record.
  const referencing: { master: State | undefined; pushed: State }[] = [];
  const settled: SettledFields[] = [];
  const losing: LosingValues[] = [];
  const write = (id: string, before: State | undefined, pushed: State, stored: DocumentWrite): void => {
    referencing.push({ master: before, pushed });
    settled.push({ documentId: id, fields: changedFields(collection.bookkeepingFields, before, stored.state) });
    writes.push(stored);
  };
  // A row refused by the rules below ends the page there; rows before it may still be refused
  // for a missing reference first, as checking them one by one in id order would.
  let refusal: HttpError | undefined;
  try {
    for (const row of sorted) {
      const id = documentId(row.newDocumentState);
      const master = masters.get(id);
      const masterState = master ? { ...master.body, _deleted: master.deleted } : undefined;
      const pushed = row.newDocumentState;
      refuseOutOfScope(collection, device, masterState, pushed);
      refuseFieldsNotOwned(collection, device, row.assumedMasterState ?? masterState, pushed);
      const outcome = await resolvePushRow(
        collection,
        master && masterState ? { state: masterState, lineage: master.lineage } : undefined,
        row,
      );
      // Judged on what would be stored: a push made before the document was signed that changed
      // only open fields (a referral's receiver answering) merges into the signed master.
      if (outcome.kind !== 'unchanged') refuseChangeOfSigned(collection, masterState, outcome.state);
      // Only what changes the master is checked: a retried or re-sent unchanged row (after a
      // restore, every document comes back) is not a new write by anyone.
      if (outcome.kind === 'write') {
        await checkAuthor(masterState, row, outcome.state);
        write(id, masterState, pushed, {
          id,
          state: outcome.state,
          isNew: !master,
          meta: row.meta,
          scopes: scopesOf(collection, outcome.state),
        });
      }
      if (outcome.kind === 'merge' && master && masterState) {
        if (sameDocumentState(outcome.state, masterState)) {
          answers.push({ ...masterState, syncMeta: { lineage: master.lineage, signature: master.signature } });
        } else {
          await checkAuthor(masterState, row, outcome.state);
          // The merged version carries the pusher's changes: it is theirs to answer for, and the
          // server, which made it, signs it.
          const state = { ...outcome.state, [collection.authorField]: row.newDocumentState[collection.authorField] };
          const meta = { lineage: outcome.lineage, signature: await signatures.serverKey.sign(collectionName, state) };
          write(id, masterState, outcome.state, { id, state, isNew: false, meta, scopes: scopesOf(collection, state) });
          answers.push({ ...state, syncMeta: meta });
        }
        losing.push({ documentId: id, pushed: row.newDocumentState, conflicts: outcome.conflicts });
      }
    }
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    refusal = error;
  }
  await refuseMissingReferences(tx, collection, device, referencing);
  if (refusal !== undefined) throw refusal;
  const proven = (await Promise.all(proofs)).find((proof) => proof !== null);
  if (proven) throw proven;

  // Conflicts recorded by this push, and older ones its edits settle: published as documents.
  // Settled first: a conflict this push records is never one it settles.
  const conflictChanges = [
    ...(await settleConflicts(tx, collectionName, settled)).map((row) => ({ row, isNew: false })),
    ...(await recordConflicts(tx, collectionName, collection, device, losing)).map((row) => ({ row, isNew: true })),
  ];
  await writeDocuments(tx, collectionName, device.deviceId, writes);
  await publishConflicts(tx, signatures.serverKey, conflictChanges);
  return answers;
}

/** The values one pushed row lost in its merge. */
interface LosingValues {
  documentId: string;
  pushed: State;
  conflicts: FieldConflict[];
}

/** Records the losing values of a page in one statement; a retried push records them once. */
async function recordConflicts(
  tx: SqlExecutor,
  collectionName: string,
  collection: SyncedCollection<Body>,
  device: AuthenticatedDevice,
  losing: readonly LosingValues[],
): Promise<ConflictRow[]> {
  const records = losing.flatMap(({ documentId, pushed, conflicts }) => {
    const clientTime = typeof pushed.updatedAt === 'string' ? pushed.updatedAt : null;
    // Who made the losing edit, as the edit names them: the PC and the staff member.
    const staffId = pushed[collection.authorField];
    const author = JSON.stringify({
      deviceId: pushed.updatedByDeviceId ?? pushed.createdByDeviceId ?? null,
      staffId: typeof staffId === 'string' ? staffId : null,
    });
    return conflicts.map((conflict) => ({ documentId, clientTime, author, conflict }));
  });
  if (records.length === 0) return [];
  return tx.query<ConflictRow>(
    `INSERT INTO sync_conflicts
       (id, collection, document_id, scope, field, master_value, losing_value, device_id, client_time, author)
     SELECT t.id, $1, t.document_id, $2, t.field, t.master_value, t.losing_value, $3::uuid, t.client_time, t.author
     FROM unnest($4::uuid[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[], $9::text[], $10::jsonb[])
       WITH ORDINALITY AS t (id, document_id, field, master_value, losing_value, client_time, author, n)
     ORDER BY t.n
     ON CONFLICT DO NOTHING
     RETURNING ${CONFLICT_ROW_COLUMNS}`,
    [
      collectionName,
      // The facility whose edit lost: its staff are the ones to see the value.
      facilityScope(device.facilityCode),
      device.deviceId,
      records.map(() => randomUUID()),
      records.map((record) => record.documentId),
      records.map((record) => record.conflict.field),
      records.map((record) => JSON.stringify(record.conflict.masterValue ?? null)),
      records.map((record) => JSON.stringify(record.conflict.losingValue ?? null)),
      records.map((record) => record.clientTime),
      records.map((record) => record.author),
    ],
  );
}

async function lockMasters(tx: SqlExecutor, collectionName: string, ids: string[]): Promise<Map<string, MasterRow>> {
  const rows = await tx.query<MasterRow>(
    `SELECT id, scope, body, deleted, lineage, signature FROM sync_documents
     WHERE collection = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE`,
    [collectionName, ids],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

function scopesOf(collection: SyncedCollection<Body>, state: State): string[] {
  const { _deleted: _ignored, ...body } = state;
  return collection.scopes(body);
}

function documentId(document: Body): string {
  return String(document.id);
}

/** Byte order, the same as PostgreSQL's "C" collation for ASCII ids. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
