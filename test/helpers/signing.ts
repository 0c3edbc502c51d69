import type { SqlExecutor } from '../../server/db/database';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-staff';
import { signDocument } from '../../shared/signing/document-signature';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { unsealPrivateKey, type SealedKey } from '../../shared/staff/sealed-key';
import type { WireDocument } from '../../shared/sync/protocol';
import { revisionOf } from '../../shared/sync/revision';
import type { SyncMeta } from '../../shared/sync/sync-meta';

/** A staff member's signing key, unsealed with their password as a login would. */
export async function unsealedSigner(
  account: { id: string; sealedKey: SealedKey },
  password: string,
): Promise<DocumentSigner> {
  const privateKey = await unsealPrivateKey(account.sealedKey, password);
  if (!privateKey) throw new Error(`the password does not unseal ${account.id}'s key`);
  return { signer: account.id, keyId: account.sealedKey.keyId, privateKey };
}

/** Demo accounts' keys, unsealed once per process (each unsealing is 600,000 rounds of PBKDF2). */
const demoSigners = new Map<string, Promise<DocumentSigner>>();

export function demoSigner(staffId: string): Promise<DocumentSigner> {
  const account = Object.values(DEMO_STAFF).find((candidate) => candidate.id === staffId);
  if (!account) return Promise.reject(new Error(`${staffId} is no demo account`));
  let signer = demoSigners.get(staffId);
  if (!signer) {
    signer = unsealedSigner(account, DEMO_PASSWORD);
    demoSigners.set(staffId, signer);
  }
  return signer;
}

type Body = Record<string, unknown>;

/** A document as a client sends it: its state and an envelope signed by `signer` (or unsigned). */
export async function signedDocument<T extends object>(
  collection: string,
  state: T & { _deleted?: boolean },
  signer: DocumentSigner | null,
  lineage: string[] = [],
): Promise<T & { _deleted: boolean; syncMeta: SyncMeta }> {
  const withDeleted = { ...state, _deleted: state._deleted === true };
  const syncMeta: SyncMeta = {
    lineage,
    signature: signer ? await signDocument(collection, withDeleted, signer) : null,
  };
  return { ...withDeleted, syncMeta };
}

/** Push rows of new documents, each signed by `signer`. */
export async function signedRows(
  collection: string,
  states: (Body & { _deleted?: boolean })[],
  signer: DocumentSigner | null,
): Promise<{ newDocumentState: WireDocument<Body> }[]> {
  return Promise.all(
    states.map(async (state) => ({ newDocumentState: await signedDocument(collection, state, signer) })),
  );
}

/** The signing key of an account the server holds (made through the admin API with `password`). */
export async function storedStaffSigner(
  database: SqlExecutor,
  staffId: string,
  password: string,
): Promise<DocumentSigner> {
  const [row] = await database.query<{ body: { id: string; sealedKey: SealedKey } }>(
    `SELECT body FROM sync_documents WHERE collection = 'staff' AND id = $1`,
    [staffId],
  );
  if (!row) throw new Error(`no account ${staffId}`);
  return unsealedSigner(row.body, password);
}

/**
 * A push row as the demo registrar's PC sends it: the state signed by the registrar, made on
 * `assumed` if given (its revision heads the lineage, as the DocumentWriter would put it).
 */
export async function registrarRow(
  state: Body,
  options: { deleted?: boolean; assumed?: Body } = {},
): Promise<{ assumedMasterState?: WireDocument<Body>; newDocumentState: WireDocument<Body> }> {
  const signer = await demoSigner(DEMO_STAFF.registrar.id);
  const assumed = options.assumed && (await signedDocument('patients', options.assumed, signer));
  const lineage = assumed ? [await revisionOf(assumed)] : [];
  const newDocumentState = await signedDocument(
    'patients',
    { ...state, _deleted: options.deleted === true },
    signer,
    lineage,
  );
  return assumed ? { assumedMasterState: assumed, newDocumentState } : { newDocumentState };
}

/** A push row sent without any signature (what the server refuses for every write). */
export function unsignedRow(state: Body, deleted = false): { newDocumentState: WireDocument<Body> } {
  return { newDocumentState: { ...state, _deleted: deleted, syncMeta: { lineage: [], signature: null } } };
}

/**
 * A push row as a client sends it: the new state signed by `signer`, made on `assumed` (the
 * state the device edited, which its lineage then names) when there is one.
 */
export async function signedRow(
  collection: string,
  state: Body & { _deleted?: boolean },
  signer: DocumentSigner,
  assumed?: Body & { _deleted?: boolean },
): Promise<{ assumedMasterState?: WireDocument<Body>; newDocumentState: WireDocument<Body> }> {
  const base = assumed && (await signedDocument(collection, assumed, signer));
  const lineage = base ? [await revisionOf(base)] : [];
  const newDocumentState = await signedDocument(collection, state, signer, lineage);
  return base ? { assumedMasterState: base, newDocumentState } : { newDocumentState };
}
