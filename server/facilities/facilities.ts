import type { SqlExecutor } from '../db/database';
import { sha256 } from '../auth/device-token';
import { PROVINCES } from '../../shared/admin-units/admin-units';
import { normalizeEnrollmentCode } from '../../shared/sync/enrollment';
import { facilityScope, provinceScope } from '../../shared/sync/scopes';

export interface FacilityInput {
  code: string;
  provinceCode: string;
  name: string;
}

/** The 34 provinces after the 2025 reform; idempotent. */
export async function ensureProvinces(database: SqlExecutor): Promise<void> {
  for (const province of PROVINCES) {
    await database.query('INSERT INTO provinces (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING', [
      province.code,
      province.name,
    ]);
    // The province's own feed: what is province-wide (catalogs) is pulled from it.
    await database.query('INSERT INTO sync_scopes (scope) VALUES ($1) ON CONFLICT (scope) DO NOTHING', [
      provinceScope(province.code),
    ]);
  }
}

/** A facility and its sync scope (the change counter its documents are ordered by); idempotent. */
export async function ensureFacility(database: SqlExecutor, facility: FacilityInput): Promise<void> {
  await database.query(
    'INSERT INTO facilities (code, province_code, name) VALUES ($1, $2, $3) ON CONFLICT (code) DO NOTHING',
    [facility.code, facility.provinceCode, facility.name],
  );
  await database.query('INSERT INTO sync_scopes (scope) VALUES ($1) ON CONFLICT (scope) DO NOTHING', [
    facilityScope(facility.code),
  ]);
}

/**
 * Stores an enrollment code by its hash; `usesLeft` null makes it reusable (demo only), and
 * `validDays` makes it expire.
 */
export async function ensureEnrollmentCode(
  database: SqlExecutor,
  code: string,
  facilityCode: string,
  usesLeft: number | null,
  validDays?: number,
): Promise<void> {
  await database.query(
    `INSERT INTO enrollment_codes (code_hash, facility_code, uses_left, expires_at)
     VALUES ($1, $2, $3, CASE WHEN $4::int IS NULL THEN NULL ELSE now() + make_interval(days => $4::int) END)
     ON CONFLICT (code_hash) DO NOTHING`,
    [sha256(normalizeEnrollmentCode(code)), facilityCode, usesLeft, validDays ?? null],
  );
}
