import type { LostValueForAdmin } from '../../shared/admin/conflicts-and-alerts-api';
import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { decodeCursor, encodeCursor } from '../admin/keyset-cursor';

export type { LostValueForAdmin } from '../../shared/admin/conflicts-and-alerts-api';

/** A document with open conflicts, and who last changed it (the side that stayed). */
export interface ConflictGroup {
  facilityCode: string;
  collection: string;
  documentId: string;
  /** False when the document has been deleted since */
  documentExists: boolean;
  updatedBy: string | null;
  updatedByName: string | null;
  /** The server's time of the document's current version */
  receivedAt: string | null;
  /** The patient the document belongs to (the document itself for a patient), and its code */
  patientId: string | null;
  patientCode: string | null;
  /** The visit the document belongs to (the document itself for a visit) */
  encounterId: string | null;
  conflicts: LostValueForAdmin[];
}

export interface ConflictGroupQuery {
  facility: string | null;
  collection: string | null;
  cursor: string | null;
  /** Documents per page */
  limit: number;
}

interface DocumentKey {
  scope: string;
  collection: string;
  document_id: string;
}

interface ConflictRow extends LostValueForAdmin {
  scope: string;
  collection: string;
  documentId: string;
}

interface DocumentRow {
  collection: string;
  id: string;
  updatedBy: string | null;
  updatedByName: string | null;
  receivedAt: string;
  patientId: string | null;
  patientCode: string | null;
  encounterId: string | null;
}

/**
 * Open conflicts grouped by document, a page of documents at a time, ordered by facility,
 * collection and document id (UUIDv7: oldest records first). The page's documents come from
 * the partial index of open conflicts, which stops after `limit` documents, so a page costs
 * the same with 100,000 open conflicts as with ten.
 */
export async function listConflictGroups(
  database: SqlExecutor,
  query: ConflictGroupQuery,
): Promise<{ documents: ConflictGroup[]; nextCursor: string | null }> {
  const params: unknown[] = [query.facility, query.collection];
  let after = '';
  if (query.cursor) {
    params.push(...decodeCursor(query.cursor, 3));
    after = 'AND (c.scope, c.collection, c.document_id) > ($3, $4, $5)';
  }
  params.push(query.limit + 1);
  const keys = await database.query<DocumentKey>(
    `SELECT DISTINCT c.scope, c.collection, c.document_id FROM sync_conflicts c
     WHERE c.resolved_at IS NULL AND ($1::text IS NULL OR c.scope = $1) AND ($2::text IS NULL OR c.collection = $2)
       ${after}
     ORDER BY c.scope, c.collection, c.document_id
     LIMIT $${String(params.length)}`,
    params,
  );
  const page = keys.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    keys.length > query.limit && last ? encodeCursor([last.scope, last.collection, last.document_id]) : null;
  if (page.length === 0) return { documents: [], nextCursor };

  const scopes = page.map((key) => key.scope);
  const pageParams = [page.map((key) => key.collection), page.map((key) => key.document_id)];
  const [conflicts, documents] = await Promise.all([
    database.query<ConflictRow>(
      `SELECT c.id, c.scope, c.collection, c.document_id AS "documentId", c.field, c.master_value AS "masterValue",
              c.losing_value AS "losingValue",
              CASE WHEN c.field = '_deleted' THEN to_jsonb(d.deleted) ELSE d.body -> c.field END AS "currentValue",
              c.device_id AS "deviceId", device.name AS "deviceName", c.author->>'staffId' AS "staffId",
              staff.body->>'displayName' AS "staffName", c.client_time AS "clientTime",
              ${isoTimestamp('c.recorded_at')} AS "recordedAt"
       FROM unnest($1::text[], $2::text[], $3::text[]) AS page (collection, id, scope)
       JOIN sync_conflicts c ON c.collection = page.collection AND c.document_id = page.id AND c.scope = page.scope
       LEFT JOIN sync_documents d ON d.collection = c.collection AND d.id = c.document_id
       LEFT JOIN devices device ON device.id = c.device_id
       LEFT JOIN sync_documents staff ON staff.collection = 'staff' AND staff.id = c.author->>'staffId'
       WHERE c.resolved_at IS NULL
       ORDER BY c.recorded_at, c.id`,
      [...pageParams, scopes],
    ),
    // The patient and visit a document belongs to, so that the admin knows whose record it is.
    database.query<DocumentRow>(
      `SELECT d.collection, d.id, d.body->>'updatedBy' AS "updatedBy", staff.body->>'displayName' AS "updatedByName",
              ${isoTimestamp('d.received_at')} AS "receivedAt", patient.id AS "patientId",
              patient.body->>'patientCode' AS "patientCode",
              CASE WHEN d.collection = 'encounters' THEN d.id ELSE d.body->>'encounterId' END AS "encounterId"
       FROM unnest($1::text[], $2::text[]) AS page (collection, id)
       JOIN sync_documents d ON d.collection = page.collection AND d.id = page.id AND NOT d.deleted
       LEFT JOIN sync_documents staff ON staff.collection = 'staff' AND staff.id = d.body->>'updatedBy'
       LEFT JOIN sync_documents patient ON patient.collection = 'patients'
         AND patient.id = CASE WHEN d.collection = 'patients' THEN d.id ELSE d.body->>'patientId' END`,
      pageParams,
    ),
  ]);
  const byDocument = new Map(documents.map((document) => [`${document.collection}/${document.id}`, document]));
  return {
    documents: page.map((key) => {
      const document = byDocument.get(`${key.collection}/${key.document_id}`);
      return {
        facilityCode: key.scope,
        collection: key.collection,
        documentId: key.document_id,
        documentExists: document !== undefined,
        updatedBy: document?.updatedBy ?? null,
        updatedByName: document?.updatedByName ?? null,
        receivedAt: document?.receivedAt ?? null,
        patientId: document?.patientId ?? null,
        patientCode: document?.patientCode ?? null,
        encounterId: document?.encounterId ?? null,
        conflicts: conflicts
          .filter(
            (conflict) =>
              conflict.scope === key.scope &&
              conflict.collection === key.collection &&
              conflict.documentId === key.document_id,
          )
          .map(({ scope: _scope, collection: _collection, documentId: _document, ...conflict }) => conflict),
      };
    }),
    nextCursor,
  };
}
