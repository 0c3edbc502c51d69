import type { PersonMember } from '../../shared/identity/duplicates-api';
import { PROVINCE_AUTHOR } from '../../shared/staff/staff-document';
import { SYNCED_COLLECTIONS, type SyncedCollection } from '../../shared/sync/collections';
import { sameDocumentState } from '../../shared/sync/document-state';
import type { SyncedDocument } from '../../shared/sync/protocol';
import { lineageAfter } from '../../shared/sync/revision';
import type { SqlExecutor } from '../db/database';
import { writeDocuments, type DocumentWrite } from '../documents/write-documents';
import type { ServerKey } from '../signing/server-key';

type Body = Record<string, unknown>;

interface StoredPatient {
  id: string;
  body: Body;
  deleted: boolean;
  lineage: string[];
}

/**
 * Makes a merge visible on the PCs of the primary record's facility: each other member record of
 * that facility gets `mergedInto` (the primary's id) and the primary gets `mergedAliases` (theirs),
 * as an ordinary edit made at the province: a new version in the facility's feed, attributed to
 * the province and signed with the server's key, as a conflict restore is. A primary that was an
 * alias before (a later merge chose it) loses its `mergedInto`. Nothing is deleted.
 *
 * Members at other facilities are not touched: their PCs keep their own record whole, and a
 * history lookup already follows the person (person-aliases.ts). Returns the ids written.
 */
export async function markMergedAliases(
  tx: SqlExecutor,
  serverKey: ServerKey,
  person: { primaryId: string; members: readonly PersonMember[] },
  now: Date,
): Promise<string[]> {
  const facility = person.members.find((member) => member.patientId === person.primaryId)?.facilityCode;
  const local = person.members.filter((member) => member.facilityCode === facility).map((m) => m.patientId);
  const aliases = local.filter((id) => id !== person.primaryId).sort();
  if (aliases.length === 0) return [];

  const stored = await tx.query<StoredPatient>(
    `SELECT id, body, deleted, lineage FROM sync_documents
     WHERE collection = 'patients' AND id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
    [local],
  );
  const collection = SYNCED_COLLECTIONS.patients as unknown as SyncedCollection<Body>;
  const writes: DocumentWrite[] = [];
  for (const patient of stored) {
    const marked = marks(patient.body, patient.id === person.primaryId ? { aliases } : { primaryId: person.primaryId });
    const before = { ...patient.body, _deleted: patient.deleted };
    const after = { ...marked, _deleted: patient.deleted };
    if (sameDocumentState(before, after)) continue;
    const state: SyncedDocument<Body> = { ...after, updatedAt: now.toISOString(), updatedBy: PROVINCE_AUTHOR };
    const { _deleted: _ignored, ...body } = state;
    writes.push({
      id: patient.id,
      state,
      isNew: false,
      meta: {
        lineage: await lineageAfter(before, patient.lineage),
        signature: await serverKey.sign('patients', state),
      },
      scopes: collection.scopes(body),
    });
  }
  if (writes.length > 0) await writeDocuments(tx, 'patients', null, writes);
  return writes.map((write) => write.id);
}

/** The record's body with the merge's marks: an alias names its primary, a primary its aliases. */
function marks(body: Body, role: { aliases: readonly string[] } | { primaryId: string }): Body {
  const { mergedInto: _into, mergedAliases: _aliases, ...rest } = body;
  return 'aliases' in role ? { ...rest, mergedAliases: [...role.aliases] } : { ...rest, mergedInto: role.primaryId };
}
