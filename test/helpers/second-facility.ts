import { ensureEnrollmentCode, ensureFacility } from '../../server/facilities/facilities';
import type { StaffDocument } from '../../shared/staff/staff-document';
import type { DocumentSigner } from '../../shared/signing/signing-keys';
import { adminRequest } from './admin-requests';
import { storedStaffSigner } from './signing';

/** The password of the doctor `addFacility` creates (username `bacsi<code>`). */
export const DOCTOR_PASSWORD = 'mat-khau-bac-si-2026';
import type { TestServer } from './test-server';

export interface OtherFacility {
  code: string;
  /** A device of the facility */
  token: string;
  /** A doctor's account there (staff id) */
  doctorId: string;
  /** The doctor's signing key */
  doctor: DocumentSigner;
  /** The doctor's password: what a PC of the facility unseals the key with at login */
  doctorPassword: string;
  /** The reusable enrollment code of the facility's PCs */
  enrollmentCode: string;
}

/**
 * Another facility of the demo province, with an enrolled device and a doctor: what a test of
 * documents addressed to two facilities needs on the far side.
 */
export async function addFacility(server: TestServer, code: string, name: string): Promise<OtherFacility> {
  await ensureFacility(server.database, { code, provinceCode: '15', name });
  const enrollmentCode = `TEST-${code}`;
  await ensureEnrollmentCode(server.database, enrollmentCode, code, null);
  const { token } = await server.enroll(`reception ${code}`, enrollmentCode);
  const created = await adminRequest(server.url, 'POST', `/facilities/${code}/staff`, {
    username: `bacsi${code}`,
    displayName: `Bác sĩ ${code}`,
    roles: ['doctor', 'registrar'],
    password: DOCTOR_PASSWORD,
  });
  if (created.status !== 201) throw new Error(`staff not created: ${JSON.stringify(created.body)}`);
  const doctorId = (created.body as Pick<StaffDocument, 'id'>).id;
  return {
    code,
    token,
    doctorId,
    doctor: await storedStaffSigner(server.database, doctorId, DOCTOR_PASSWORD),
    doctorPassword: DOCTOR_PASSWORD,
    enrollmentCode,
  };
}
