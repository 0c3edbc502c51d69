import type { ExportContext, PatientRecord } from '../../shared/exports/patient-record';
import { exportContextOf, patientRecordOf, RECORD_COLLECTIONS } from '../../shared/exports/record-from-documents';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { SqlExecutor } from '../db/database';

/** A patient's whole record as the province holds it (tombstones left out), or null when unknown. */
export async function readPatientRecord(database: SqlExecutor, patientId: string): Promise<PatientRecord | null> {
  const [patient] = await database.query<{ body: PatientDocument }>(
    `SELECT body FROM sync_documents WHERE collection = 'patients' AND id = $1 AND NOT deleted`,
    [patientId],
  );
  if (!patient) return null;
  const rows = await database.query<{ collection: string; body: unknown }>(
    `SELECT collection, body FROM sync_documents
     WHERE collection = ANY($1::text[]) AND body->>'patientId' = $2 AND NOT deleted`,
    [RECORD_COLLECTIONS, patientId],
  );
  return patientRecordOf(patient.body, rows);
}

/**
 * The ids of the patients with an encounter of `facilityCode` finished around `day` (the UTC days
 * either side: Vietnam's day straddles two); exportDay keeps those that ended on the day itself.
 */
export async function patientsFinishedAround(
  database: SqlExecutor,
  facilityCode: string,
  day: string,
): Promise<string[]> {
  const start = new Date(`${day}T00:00:00Z`);
  const from = new Date(start.getTime() - 86_400_000).toISOString();
  const to = new Date(start.getTime() + 2 * 86_400_000).toISOString();
  const rows = await database.query<{ patientId: string }>(
    `SELECT DISTINCT body->>'patientId' AS "patientId" FROM sync_documents
     WHERE collection = 'encounters' AND NOT deleted AND body->>'facilityCode' = $1 AND body->>'status' = 'finished'
       AND body->>'finishedAt' >= $2 AND body->>'finishedAt' < $3`,
    [facilityCode, from, to],
  );
  return rows.map((row) => row.patientId);
}

/** The facility's name, the lab catalog's LOINC mapping and staff names, read once per export. */
export async function exportContext(database: SqlExecutor, facilityCode: string): Promise<ExportContext> {
  const [facility] = await database.query<{ name: string }>(`SELECT name FROM facilities WHERE code = $1`, [
    facilityCode,
  ]);
  const loinc = await database.query<{ code: string; loinc: string }>(
    `SELECT body->>'code' AS code, body->'details'->>'loinc' AS loinc FROM sync_documents
     WHERE collection = 'catalog' AND body->>'kind' = 'lab-test' AND NOT deleted ORDER BY body->>'effectiveFrom'`,
  );
  const staff = await database.query<{ id: string; name: string }>(
    `SELECT id, body->>'displayName' AS name FROM sync_documents WHERE collection = 'staff'`,
  );
  return exportContextOf({ code: facilityCode, name: facility?.name ?? '' }, loinc, staff);
}
