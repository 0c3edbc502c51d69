import { PROVINCES } from '../../shared/admin-units/admin-units';
import type { DuplicatePage, DuplicateRecord } from '../../shared/identity/duplicates-api';
import type { IdentityRule } from '../../shared/identity/identity-keys';
import { temporaryCode } from '../../shared/identity/temporary-code';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { decodeCursor, encodeCursor } from '../admin/keyset-cursor';
import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { HttpError } from '../http/http-error';

interface CandidateRow {
  id: string;
  first_id: string;
  second_id: string;
  rules: IdentityRule[];
  found_at: string;
}

interface RecordRow {
  body: PatientDocument;
  facility_name: string;
  person_id: string | null;
}

const wardNames = new Map<string, string>();
for (const province of PROVINCES) for (const [code, name] of province.wards) wardNames.set(code, name);

/**
 * Open candidate pairs, oldest first, a page at a time (keyset on the candidate's number, so
 * pairs found meanwhile neither repeat nor shift a page), those touching `facility` when given.
 * A pair whose record was cancelled since (a tombstone) is left out.
 */
export async function listDuplicateCandidates(
  database: SqlExecutor,
  query: { facility: string | null; cursor: string | null; limit: number },
): Promise<DuplicatePage> {
  const after = query.cursor === null ? '0' : (decodeCursor(query.cursor, 1)[0] ?? '');
  if (!/^\d{1,18}$/.test(after))
    throw new HttpError(400, 'invalid-request', 'The cursor is not one this list gave out.');
  // The page is chosen on the candidates alone (id order, the open index), then only its records
  // are read: the cost is a page's, however many pairs are open. A pair whose record was
  // cancelled since is left out of the page it falls in.
  const rows = await database.query<CandidateRow>(
    `SELECT c.id::text AS id, c.first_id, c.second_id, c.rules, ${isoTimestamp('c.found_at')} AS found_at
     FROM duplicate_candidates c
     WHERE c.status = 'open' AND c.id > $1::bigint
       AND ($2::text IS NULL OR c.first_facility = $2 OR c.second_facility = $2)
     -- The number, not its text (the output column): '10' sorts before '9' as text.
     ORDER BY c.id LIMIT $3`,
    [after, query.facility, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const records = await liveRecords(
    database,
    page.flatMap((row) => [row.first_id, row.second_id]),
  );
  const last = page.at(-1);
  return {
    candidates: page.flatMap((row) => {
      const [first, second] = [records.get(row.first_id), records.get(row.second_id)];
      if (!first || !second) return [];
      return [
        { firstId: row.first_id, secondId: row.second_id, rules: row.rules, foundAt: row.found_at, first, second },
      ];
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
  };
}

/** The records not cancelled, by id, with their facility's name and person. */
async function liveRecords(database: SqlExecutor, ids: readonly string[]): Promise<Map<string, DuplicateRecord>> {
  if (ids.length === 0) return new Map();
  const rows = await database.query<RecordRow>(
    `SELECT d.body, f.name AS facility_name, m.person_id::text AS person_id
     FROM sync_documents d
     JOIN facilities f ON f.code = d.scope
     LEFT JOIN patient_person_members m ON m.patient_id = d.id
     WHERE d.collection = 'patients' AND d.id = ANY($1::text[]) AND NOT d.deleted`,
    [ids],
  );
  return new Map(rows.map((row) => [row.body.id, record(row.body, row.facility_name, row.person_id)]));
}

function record(body: PatientDocument, facilityName: string, personId: string | null): DuplicateRecord {
  return {
    patientId: body.id,
    facilityCode: body.facilityCode,
    facilityName,
    patientCode: body.patientCode,
    fullName: [body.familyName, body.middleName, body.givenName].filter(Boolean).join(' '),
    dateOfBirth: body.dateOfBirth,
    sex: body.sex,
    cccd: body.cccd,
    bhyt: body.bhyt,
    wardCode: body.address.wardCode,
    wardName: wardNames.get(body.address.wardCode) ?? '',
    temporaryCode: temporaryCode(body),
    personId,
  };
}
