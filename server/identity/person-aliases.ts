import type { SqlExecutor } from '../db/database';
import type { PatientKeys } from '../history/patient-presence';

/**
 * The patient ids of every person one of whose records has the CCCD or BHYT asked for: after a
 * merge, a lookup by either identifier finds the whole person, whichever record holds it.
 * Empty before any merge (no members), so a lookup costs one indexed probe more.
 */
export async function personAliases(database: SqlExecutor, keys: PatientKeys): Promise<string[]> {
  const rows = await database.query<{ patient_id: string }>(
    `SELECT DISTINCT other.patient_id
     FROM sync_documents s
     JOIN patient_person_members member ON member.patient_id = s.id
     JOIN patient_person_members other ON other.person_id = member.person_id
     WHERE s.collection = 'patients' AND NOT s.deleted
       AND (($1 <> '' AND s.body->>'cccd' = $1) OR ($2 <> '' AND s.body->>'bhyt' = $2))`,
    [keys.cccd, keys.bhyt],
  );
  return rows.map((row) => row.patient_id);
}
