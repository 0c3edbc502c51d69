import type { SqlExecutor } from '../db/database';

export interface PatientKeys {
  cccd: string;
  bhyt: string;
}

/** Matches `prefix->>'cccd'` / `prefix->>'bhyt'` against $2 / $3, ignoring empty keys. */
function keyMatch(body: string): string {
  return `(($2 <> '' AND ${body}->>'cccd' = $2) OR ($3 <> '' AND ${body}->>'bhyt' = $3))`;
}

/**
 * Whether the patient is at the asking facility: registered there (a patient document of that
 * facility with the CCCD or BHYT), or referred there (a referral to it, not cancelled, naming
 * them). Only then may its staff ask the province for their records elsewhere.
 */
export async function patientIsAt(database: SqlExecutor, facilityCode: string, keys: PatientKeys): Promise<boolean> {
  const rows = await database.query(
    `SELECT 1 FROM sync_documents
     WHERE collection = 'patients' AND scope = $1 AND NOT deleted AND ${keyMatch('body')}
     UNION ALL
     SELECT 1 FROM sync_documents
     WHERE collection = 'referrals' AND NOT deleted AND body->>'toFacilityCode' = $1
       AND body->>'senderStatus' <> 'cancelled' AND ${keyMatch("(body->'patient')")}
     LIMIT 1`,
    [facilityCode, keys.cccd, keys.bhyt],
  );
  return rows.length > 0;
}

/** The same key match, for the lookup of the patient's records elsewhere. */
export const patientKeyMatch = keyMatch;
