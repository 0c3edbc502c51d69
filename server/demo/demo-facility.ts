import type { SqlExecutor } from '../db/database';
import { ensureEnrollmentCode, ensureFacility, ensureProvinces } from '../facilities/facilities';
import { ServerKey } from '../signing/server-key';
import { DEMO_FACILITY_CODE } from './demo-facility-code';
import { ensureDemoStaff } from './demo-staff';

/** The demo province and facility `npm start` runs with: a mountain district of Lào Cai. */
export const DEMO_FACILITY = {
  code: DEMO_FACILITY_CODE,
  provinceCode: '15',
  name: 'Trung tâm Y tế khu vực Bát Xát (demo)',
} as const;

/** A reusable enrollment code, for the demo and tests only. Real codes are one-time. */
export const DEMO_ENROLLMENT_CODE = 'DEMO-10010';

export async function seedDemoFacility(database: SqlExecutor): Promise<void> {
  await ensureProvinces(database);
  await ensureFacility(database, DEMO_FACILITY);
  await ensureEnrollmentCode(database, DEMO_ENROLLMENT_CODE, DEMO_FACILITY.code, null);
  await ensureDemoStaff(database, await ServerKey.load(database));
}
