import type { PatientDocument } from '../shared/patient/patient-document';
import { generatePatients } from './patient-fixtures';
import { benchRegistrarId } from './sen-server';

/**
 * `count` valid patient documents of a facility (the demo one by default), authored by its
 * bench registrar, about 540 bytes of JSON each.
 */
export function benchPatients(count: number, facilityCode = '10010', seed = 7): PatientDocument[] {
  return generatePatients(count, facilityCode, seed, benchRegistrarId(facilityCode));
}
