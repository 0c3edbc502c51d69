import { PATIENT_CODE_PATTERN } from '../../shared/identifiers/patient-code';
import type { SqlExecutor } from '../db/database';

/**
 * A patient code as an admin may type it: any case, with the dashes of the printed grouping
 * (`10010-WJYR-S2BW`), with none, or as stored (`10010-WJYRS2BW`). Null when it is not a code.
 */
export function storedPatientCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s-]/g, '');
  const code = `${compact.slice(0, 5)}-${compact.slice(5)}`;
  return PATIENT_CODE_PATTERN.test(code) ? code : null;
}

/**
 * The internal id of the patient the admin names, by id or by patient code (the one every
 * screen and printout shows). A code names the live record that holds it; an unknown code is
 * passed on as it is, and matches nothing.
 */
export async function resolvePatientId(database: SqlExecutor, idOrCode: string): Promise<string> {
  const code = storedPatientCode(idOrCode);
  if (code === null) return idOrCode;
  const [holder] = await database.query<{ document_id: string }>(
    `SELECT document_id FROM sync_unique_values
     WHERE collection = 'patients' AND field = 'patientCode' AND scope = $1 AND value = $2`,
    [code.slice(0, 5), code],
  );
  return holder?.document_id ?? idOrCode;
}
