import { PROVINCES } from '../../shared/admin-units/admin-units';
import type { DuplicatePage, DuplicateRecord } from '../../shared/identity/duplicates-api';
import type { IdentityRule } from '../../shared/identity/identity-keys';
import { temporaryCode } from '../../shared/identity/temporary-code';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { decodeCursor, encodeCursor } from '../admin/keyset-cursor';
import type { SqlExecutor } from '../db/database';
import { isoTimestamp } from '../db/iso-timestamp';
import { HttpError } from '../http/http-error';

interface Row {
  id: string;
  first_id: string;
  second_id: string;
  rules: IdentityRule[];
  found_at: string;
  first_body: PatientDocument;
  second_body: PatientDocument;
  first_name: string;
  second_name: string;
  first_person: string | null;
  second_person: string | null;
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
  // The page is chosen first, on the candidates alone (in id order, by the open index), and only
  // its rows are joined to the records: the cost is a page's, however many pairs are open.
  const rows = await database.query<Row>(
    `WITH page AS MATERIALIZED (
       SELECT c.id, c.first_id, c.second_id, c.first_facility, c.second_facility, c.rules, c.found_at
       FROM duplicate_candidates c
       WHERE c.status = 'open' AND c.id > $1::bigint
         AND ($2::text IS NULL OR c.first_facility = $2 OR c.second_facility = $2)
         AND NOT EXISTS (SELECT 1 FROM sync_documents d
                         WHERE d.collection = 'patients' AND d.id IN (c.first_id, c.second_id) AND d.deleted)
       ORDER BY c.id LIMIT $3
     )
     SELECT c.id::text AS id, c.first_id, c.second_id, c.rules, ${isoTimestamp('c.found_at')} AS found_at,
            a.body AS first_body, b.body AS second_body, fa.name AS first_name, fb.name AS second_name,
            ma.person_id::text AS first_person, mb.person_id::text AS second_person
     FROM page c
     JOIN sync_documents a ON a.collection = 'patients' AND a.id = c.first_id
     JOIN sync_documents b ON b.collection = 'patients' AND b.id = c.second_id
     JOIN facilities fa ON fa.code = c.first_facility
     JOIN facilities fb ON fb.code = c.second_facility
     LEFT JOIN patient_person_members ma ON ma.patient_id = c.first_id
     LEFT JOIN patient_person_members mb ON mb.patient_id = c.second_id
     ORDER BY c.id`,
    [after, query.facility, query.limit + 1],
  );
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    candidates: page.map((row) => ({
      firstId: row.first_id,
      secondId: row.second_id,
      rules: row.rules,
      foundAt: row.found_at,
      first: record(row.first_body, row.first_name, row.first_person),
      second: record(row.second_body, row.second_name, row.second_person),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor([last.id]) : null,
  };
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
