import type { ForeignCollection, ForeignRecord } from '../../shared/history/history-request';
import type { SqlExecutor } from '../db/database';
import { personAliases } from '../identity/person-aliases';
import { patientKeyMatch, type PatientKeys } from './patient-presence';

interface Row {
  collection: ForeignCollection;
  scope: string;
  name: string;
  body: ForeignRecord['document'];
}

/** What a patient's record is made of besides the registration: each names the patient by id. */
const CLINICAL_COLLECTIONS: readonly ForeignCollection[] = ['encounters', 'orders', 'observations', 'notes'];

/**
 * The patient's records at the other facilities of the asking facility's province, each with
 * where it was made: their registrations there (by CCCD or BHYT, and every record the master
 * patient index merged into the same person, whatever identifiers it holds), then everything
 * naming those registrations. Tombstoned records (a cancelled registration) are left out; the asking
 * facility's own records are already on its PCs.
 */
export async function foreignRecords(
  database: SqlExecutor,
  asking: { facilityCode: string; provinceCode: string },
  keys: PatientKeys,
): Promise<ForeignRecord[]> {
  const elsewhere = `f.province_code = $4 AND s.scope <> $1`;
  const aliases = await personAliases(database, keys);
  const patients = await database.query<Row>(
    `SELECT s.collection, s.scope, f.name, s.body
     FROM sync_documents s JOIN facilities f ON f.code = s.scope
     WHERE s.collection = 'patients' AND NOT s.deleted AND ${elsewhere}
       AND (${patientKeyMatch('s.body')} OR s.id = ANY($5::text[]))
     ORDER BY s.scope, s.id`,
    [asking.facilityCode, keys.cccd, keys.bhyt, asking.provinceCode, aliases],
  );
  const patientIds = patients.map((row) => row.body.id);
  const clinical =
    patientIds.length === 0
      ? []
      : await database.query<Row>(
          `SELECT s.collection, s.scope, f.name, s.body
           FROM sync_documents s JOIN facilities f ON f.code = s.scope
           WHERE s.collection = ANY($2::text[]) AND s.body->>'patientId' = ANY($3::text[]) AND NOT s.deleted
             AND f.province_code = $4 AND s.scope <> $1
           ORDER BY s.collection, s.id`,
          [asking.facilityCode, CLINICAL_COLLECTIONS, patientIds, asking.provinceCode],
        );
  return [...patients, ...clinical].map((row) => ({
    collection: row.collection,
    facilityCode: row.scope,
    facilityName: row.name,
    document: row.body,
  }));
}

/** The returned ids by collection, as the audit trail keeps them. */
export function returnedIds(records: readonly ForeignRecord[]): Partial<Record<ForeignCollection, string[]>> {
  const ids: Partial<Record<ForeignCollection, string[]>> = {};
  for (const record of records) (ids[record.collection] ??= []).push(record.document.id);
  return ids;
}
