import { v7 as uuidv7 } from 'uuid';
import { randomBytes } from 'node:crypto';
import { newPatientCode } from '../../shared/identifiers/patient-code';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { buildPatientFromForm } from '../../shared/patient/registration-form';
import { validRegistrationForm } from './patient-forms';
import { DEMO_STAFF } from '../../server/demo/demo-staff';

/** A valid patient document of the facility, as a client would push it. */
export function patientDocument(facilityCode: string, overrides: Partial<PatientDocument> = {}): PatientDocument {
  const built = buildPatientFromForm(validRegistrationForm({ cccd: '' }), {
    id: uuidv7(),
    patientCode: newPatientCode(facilityCode, (length) => randomBytes(length)),
    facilityCode,
    deviceId: 'test-device',
    userId: DEMO_STAFF.registrar.id,
    now: new Date().toISOString(),
  });
  if (!built.ok) throw new Error(`invalid fixture: ${JSON.stringify(built.problems)}`);
  return { ...built.patient, ...overrides };
}
