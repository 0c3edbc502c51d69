import { randomUUID } from 'node:crypto';
import { createPasswordVerifier } from '../../shared/staff/password-verifier';
import { newStaffKey } from '../../shared/staff/staff-keys';
import { PROVINCE_AUTHOR, type StaffDocument } from '../../shared/staff/staff-document';
import type { Database } from '../db/database';
import { ensureEnrollmentCode, ensureFacility } from '../facilities/facilities';
import { ServerKey } from '../signing/server-key';
import { listStaff, saveStaff } from '../staff/staff-store';
import { DEMO_FACILITY } from './demo-facility';
import { DEMO_PASSWORD } from './demo-staff';

/**
 * The demo's second facility: the province hospital the district refers patients to (it is in
 * the demo facilities catalog). A PC enrolls to it with DEMO_PROVINCE_ENROLLMENT_CODE; its one
 * account, `bacsitinh`, is a doctor who also registers (takes referred patients in).
 */
export const DEMO_PROVINCE_HOSPITAL = {
  code: '10001',
  provinceCode: DEMO_FACILITY.provinceCode,
  name: 'Bệnh viện Đa khoa tỉnh Lào Cai (demo)',
} as const;

export const DEMO_PROVINCE_ENROLLMENT_CODE = 'DEMO-10001';
export const DEMO_PROVINCE_DOCTOR = 'bacsitinh';

/** Idempotent: the facility, its reusable enrollment code, and its account unless there. */
export async function seedDemoProvinceHospital(database: Database): Promise<void> {
  await ensureFacility(database, DEMO_PROVINCE_HOSPITAL);
  await ensureEnrollmentCode(database, DEMO_PROVINCE_ENROLLMENT_CODE, DEMO_PROVINCE_HOSPITAL.code, null);
  const existing = await listStaff(database, DEMO_PROVINCE_HOSPITAL.code);
  if (existing.some((account) => account.username === DEMO_PROVINCE_DOCTOR)) return;
  const now = new Date().toISOString();
  const [verifier, { key, sealedKey }] = await Promise.all([
    createPasswordVerifier(DEMO_PASSWORD),
    newStaffKey(DEMO_PASSWORD, now),
  ]);
  const doctor: StaffDocument = {
    id: randomUUID(),
    facilityCode: DEMO_PROVINCE_HOSPITAL.code,
    username: DEMO_PROVINCE_DOCTOR,
    displayName: 'BS. Nguyễn Văn Tỉnh',
    roles: ['doctor', 'registrar'],
    active: true,
    password: verifier,
    passwordChangedAt: now,
    updatedAt: now,
    updatedBy: PROVINCE_AUTHOR,
    keys: [key],
    sealedKey,
  };
  const serverKey = await ServerKey.load(database);
  await database.transaction((tx) => saveStaff(tx, doctor, null, serverKey));
}
