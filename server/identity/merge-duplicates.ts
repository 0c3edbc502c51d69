import { randomUUID } from 'node:crypto';
import type { MergedPerson, PersonMember } from '../../shared/identity/duplicates-api';
import type { Database, SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';
import type { ServerKey } from '../signing/server-key';
import { markMergedAliases } from './mark-merged-aliases';

/** Who decided, for the candidate row (the admin audit keeps the request too). */
export interface Decision {
  actor: string;
  note: string;
}

/** What the province signs its edits of the merged records with, and its clock. */
export interface MergeWriter {
  serverKey: ServerKey;
  now: Date;
}

interface Pair {
  firstId: string;
  secondId: string;
}

interface Member {
  patient_id: string;
  person_id: string;
  facility_code: string;
}

/**
 * Links the two records of an open candidate pair into one person: a person id with every
 * member record (facility, patient id), `primaryId` its primary record and every other id an
 * alias. No patient document is deleted; the records of the primary's facility are marked (the
 * aliases with `mergedInto`, the primary with `mergedAliases`) in the same transaction, so that
 * its PCs show one patient (mark-merged-aliases.ts). A record already of a person brings that
 * person along (two persons become one, the absorbed one kept, pointing at the other), and every
 * open pair among the members is settled as merged.
 */
export async function mergeDuplicates(
  database: Database,
  pair: Pair & { primaryId: string },
  decision: Decision,
  writer: MergeWriter,
): Promise<MergedPerson> {
  if (pair.primaryId !== pair.firstId && pair.primaryId !== pair.secondId)
    throw new HttpError(400, 'invalid-request', 'The primary record must be one of the pair.');
  return database.transaction(async (tx) => {
    const [first, second] = ordered(pair);
    await lockOpenCandidate(tx, first, second);
    const facilities = await liveFacilities(tx, [first, second]);
    const members = await tx.query<Member>(
      `SELECT patient_id, person_id::text AS person_id, facility_code FROM patient_person_members
       WHERE patient_id = ANY($1::text[]) ORDER BY joined_at, patient_id FOR UPDATE`,
      [[first, second]],
    );
    const personIds = [...new Set(members.map((member) => member.person_id))];
    const personId = personIds[0] ?? randomUUID();
    if (personIds.length === 0) {
      await tx.query('INSERT INTO patient_persons (id, primary_patient_id, created_by) VALUES ($1, $2, $3)', [
        personId,
        pair.primaryId,
        decision.actor,
      ]);
    } else {
      await tx.query('UPDATE patient_persons SET primary_patient_id = $2 WHERE id = $1', [personId, pair.primaryId]);
    }
    for (const absorbed of personIds.slice(1)) {
      await tx.query('UPDATE patient_person_members SET person_id = $1 WHERE person_id = $2', [personId, absorbed]);
      await tx.query('UPDATE patient_persons SET merged_into = $1 WHERE id = $2', [personId, absorbed]);
    }
    const joining = [first, second].filter((id) => !members.some((member) => member.patient_id === id));
    await tx.query(
      `INSERT INTO patient_person_members (patient_id, person_id, facility_code, joined_by)
       SELECT id, $2, facility, $3 FROM unnest($1::text[], $4::text[]) AS t (id, facility)`,
      [joining, personId, decision.actor, joining.map((id) => facilities.get(id) ?? '')],
    );
    const all = await tx.query<PersonMember>(
      `SELECT patient_id AS "patientId", facility_code AS "facilityCode" FROM patient_person_members
       WHERE person_id = $1 ORDER BY facility_code, patient_id`,
      [personId],
    );
    const ids = all.map((member) => member.patientId);
    await tx.query(
      `UPDATE duplicate_candidates SET status = 'merged', decided_at = now(), decided_by = $2,
         note = CASE WHEN first_id = $3 AND second_id = $4 THEN $5 ELSE note END
       WHERE status = 'open' AND first_id = ANY($1::text[]) AND second_id = ANY($1::text[])`,
      [ids, decision.actor, first, second, decision.note],
    );
    const markedIds = await markMergedAliases(
      tx,
      writer.serverKey,
      { primaryId: pair.primaryId, members: all },
      writer.now,
    );
    return { personId, primaryId: pair.primaryId, members: all, markedIds };
  });
}

/** The pair is not one person: never proposed again, whatever either record says later. */
export async function dismissDuplicate(database: Database, pair: Pair, decision: Decision): Promise<void> {
  await database.transaction(async (tx) => {
    const [first, second] = ordered(pair);
    await lockOpenCandidate(tx, first, second);
    await tx.query(
      `UPDATE duplicate_candidates SET status = 'dismissed', decided_at = now(), decided_by = $3, note = $4
       WHERE first_id = $1 AND second_id = $2`,
      [first, second, decision.actor, decision.note],
    );
  });
}

function ordered(pair: Pair): [string, string] {
  if (pair.firstId === pair.secondId) throw new HttpError(400, 'invalid-request', 'A pair needs two records.');
  return pair.firstId < pair.secondId ? [pair.firstId, pair.secondId] : [pair.secondId, pair.firstId];
}

async function lockOpenCandidate(tx: SqlExecutor, first: string, second: string): Promise<void> {
  const [candidate] = await tx.query<{ status: string }>(
    'SELECT status FROM duplicate_candidates WHERE first_id = $1 AND second_id = $2 FOR UPDATE',
    [first, second],
  );
  if (!candidate) throw new HttpError(404, 'not-found', 'These two records are not a candidate pair.');
  if (candidate.status !== 'open')
    throw new HttpError(409, 'already-resolved', `This pair has already been ${candidate.status}.`, {
      status: candidate.status,
    });
}

/** Each record's facility; a record cancelled since the pair was found cannot be merged. */
async function liveFacilities(tx: SqlExecutor, ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; scope: string }>(
    `SELECT id, scope FROM sync_documents WHERE collection = 'patients' AND id = ANY($1::text[]) AND NOT deleted`,
    [ids],
  );
  if (rows.length !== ids.length)
    throw new HttpError(404, 'not-found', 'One of the records has been cancelled at its facility.');
  return new Map(rows.map((row) => [row.id, row.scope]));
}
