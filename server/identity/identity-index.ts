import {
  identityKeys,
  MATCHING_KIND,
  RULE_OF_KIND,
  type IdentityFields,
  type IdentityKey,
} from '../../shared/identity/identity-keys';
import type { Database, SqlExecutor } from '../db/database';

/** Patient changes indexed per transaction: a large first catch-up commits as it goes. */
const BATCH_SIZE = 2000;

interface ChangedPatient {
  scope: string;
  seq: string;
  id: string;
  body: IdentityFields;
  deleted: boolean;
}

/**
 * Brings the master patient index up to date with every patient change the facilities have
 * pushed since the last catch-up, and returns how many were indexed. It reads each facility's
 * feed after its watermark (the feed's pull index), so its cost follows what changed, never the
 * number of patients; a feed's numbers follow commit order, so a watermark skips nothing.
 * Catch-ups take turns (the watermark table is locked for each batch).
 */
export async function catchUpIdentityIndex(database: Database): Promise<number> {
  let indexed = 0;
  for (;;) {
    const count = await database.transaction((tx) => indexBatch(tx));
    indexed += count;
    if (count < BATCH_SIZE) return indexed;
  }
}

async function indexBatch(tx: SqlExecutor): Promise<number> {
  await tx.query('LOCK TABLE identity_watermarks IN EXCLUSIVE MODE');
  const changed = await tx.query<ChangedPatient>(
    `SELECT f.scope, f.seq::text AS seq, d.id, d.body, d.deleted
     FROM sync_scopes s
     LEFT JOIN identity_watermarks w ON w.scope = s.scope
     CROSS JOIN LATERAL (
       SELECT scope, seq, id FROM sync_feed
       WHERE scope = s.scope AND collection = 'patients' AND seq > coalesce(w.seq, 0)
       ORDER BY seq LIMIT $1
     ) f
     JOIN sync_documents d ON d.collection = 'patients' AND d.id = f.id
     WHERE s.scope NOT LIKE 'province:%'
     ORDER BY f.scope, f.seq
     LIMIT $1`,
    [BATCH_SIZE],
  );
  if (changed.length === 0) return 0;

  const ids = changed.map((row) => row.id);
  await tx.query('DELETE FROM patient_identity_keys WHERE patient_id = ANY($1::text[])', [ids]);
  const keys = changed
    .filter((row) => !row.deleted)
    .flatMap((row) => keysOf(row.body).map((key) => ({ ...key, id: row.id, facility: row.scope })));
  await tx.query(
    `INSERT INTO patient_identity_keys (patient_id, facility_code, kind, value)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
    [
      keys.map((key) => key.id),
      keys.map((key) => key.facility),
      keys.map((key) => key.kind),
      keys.map((key) => key.value),
    ],
  );
  await proposeCandidates(tx, keys);

  const watermarks = new Map<string, string>();
  for (const row of changed) watermarks.set(row.scope, row.seq);
  await tx.query(
    `INSERT INTO identity_watermarks (scope, seq)
     SELECT * FROM unnest($1::text[], $2::bigint[])
     ON CONFLICT (scope) DO UPDATE SET seq = excluded.seq`,
    [[...watermarks.keys()], [...watermarks.values()]],
  );
  return changed.length;
}

/** A body the index cannot read (it passed the push's checks, so this is not expected) gets no
 *  keys rather than stopping the index for every later change. */
function keysOf(body: IdentityFields): IdentityKey[] {
  try {
    return identityKeys(body);
  } catch {
    return [];
  }
}

/**
 * Every other record holding a matching key becomes a candidate with the rule, once per pair
 * (first id < second id). A pair already decided (merged or dismissed) keeps its decision, and
 * two records already of one person are not proposed.
 */
async function proposeCandidates(
  tx: SqlExecutor,
  keys: readonly (IdentityKey & { id: string; facility: string })[],
): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `WITH found AS (
       SELECT least(k.id, o.patient_id) AS first_id, greatest(k.id, o.patient_id) AS second_id,
              CASE WHEN k.id < o.patient_id THEN k.facility ELSE o.facility_code END AS first_facility,
              CASE WHEN k.id < o.patient_id THEN o.facility_code ELSE k.facility END AS second_facility,
              k.rule
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS k (id, facility, matching, value, rule)
       JOIN patient_identity_keys o ON o.kind = k.matching AND o.value = k.value AND o.patient_id <> k.id
       WHERE NOT EXISTS (
         SELECT 1 FROM patient_person_members a JOIN patient_person_members b ON b.person_id = a.person_id
         WHERE a.patient_id = k.id AND b.patient_id = o.patient_id)
     )
     INSERT INTO duplicate_candidates (first_id, second_id, first_facility, second_facility, rules)
     SELECT first_id, second_id, min(first_facility), min(second_facility), array_agg(DISTINCT rule ORDER BY rule)
     FROM found GROUP BY first_id, second_id
     ON CONFLICT (first_id, second_id) DO UPDATE
       SET rules = ARRAY(SELECT DISTINCT r FROM unnest(duplicate_candidates.rules || excluded.rules) AS r ORDER BY r)
       WHERE duplicate_candidates.status = 'open'`,
    [
      keys.map((key) => key.id),
      keys.map((key) => key.facility),
      keys.map((key) => MATCHING_KIND[key.kind]),
      keys.map((key) => key.value),
      keys.map((key) => RULE_OF_KIND[key.kind]),
    ],
  );
}
