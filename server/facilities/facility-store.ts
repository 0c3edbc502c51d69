import type { FacilityChanges, FacilityRecord, NewFacility } from '../../shared/admin/admin-api';
import { isKnownProvince, isWardOfProvince } from '../../shared/admin-units/admin-units';
import { facilityScope } from '../../shared/sync/scopes';
import type { SqlExecutor } from '../db/database';
import { HttpError } from '../http/http-error';

const COLUMNS = `f.code, f.name, f.level, f.province_code AS "provinceCode", f.ward_code AS "wardCode",
  f.deactivated_at IS NULL AS active,
  (SELECT count(*)::int FROM devices AS d WHERE d.facility_code = f.code AND d.revoked_at IS NULL) AS "deviceCount"`;

export function listFacilities(db: SqlExecutor): Promise<FacilityRecord[]> {
  return db.query<FacilityRecord>(`SELECT ${COLUMNS} FROM facilities AS f ORDER BY f.code`);
}

export async function findFacility(db: SqlExecutor, code: string): Promise<FacilityRecord> {
  const [row] = await db.query<FacilityRecord>(`SELECT ${COLUMNS} FROM facilities AS f WHERE f.code = $1`, [code]);
  if (!row) throw new HttpError(404, 'not-found', `No facility ${code}.`);
  return row;
}

function checkWard(wardCode: string, provinceCode: string): void {
  if (!isWardOfProvince(wardCode, provinceCode))
    throw new HttpError(422, 'ward-not-in-province', `Ward ${wardCode} is not in province ${provinceCode}.`);
}

/** A new facility and its sync scope, in the caller's transaction. */
export async function createFacility(tx: SqlExecutor, facility: NewFacility): Promise<FacilityRecord> {
  if (!isKnownProvince(facility.provinceCode))
    throw new HttpError(422, 'province-unknown', `No province ${facility.provinceCode}.`);
  checkWard(facility.wardCode, facility.provinceCode);
  const inserted = await tx.query(
    `INSERT INTO facilities (code, province_code, name, level, ward_code) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (code) DO NOTHING RETURNING code`,
    [facility.code, facility.provinceCode, facility.name, facility.level, facility.wardCode],
  );
  if (inserted.length === 0) throw new HttpError(409, 'facility-exists', `Facility ${facility.code} already exists.`);
  await tx.query('INSERT INTO sync_scopes (scope) VALUES ($1) ON CONFLICT (scope) DO NOTHING', [
    facilityScope(facility.code),
  ]);
  return findFacility(tx, facility.code);
}

export async function changeFacility(tx: SqlExecutor, code: string, changes: FacilityChanges): Promise<FacilityRecord> {
  const current = await findFacility(tx, code);
  if (changes.wardCode !== undefined) checkWard(changes.wardCode, current.provinceCode);
  await tx.query(
    `UPDATE facilities SET name = coalesce($2, name), level = coalesce($3, level), ward_code = coalesce($4, ward_code)
     WHERE code = $1`,
    [code, changes.name ?? null, changes.level ?? null, changes.wardCode ?? null],
  );
  return findFacility(tx, code);
}

/**
 * Deactivating stops new enrollments (codes already issued are refused while it lasts); its
 * records and enrolled PCs stay, since revoking a PC is its own decision.
 */
export async function setFacilityActive(tx: SqlExecutor, code: string, active: boolean): Promise<FacilityRecord> {
  await findFacility(tx, code);
  await tx.query(
    `UPDATE facilities SET deactivated_at = CASE WHEN $2 THEN NULL ELSE coalesce(deactivated_at, now()) END WHERE code = $1`,
    [code, active],
  );
  return findFacility(tx, code);
}

/** Refuses to issue enrollment codes for an unknown or deactivated facility. */
export async function requireActiveFacility(db: SqlExecutor, code: string): Promise<void> {
  const facility = await findFacility(db, code);
  if (!facility.active)
    throw new HttpError(409, 'facility-inactive', `Facility ${code} is deactivated: reactivate it first.`);
}
