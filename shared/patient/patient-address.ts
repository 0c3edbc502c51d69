import { PROVINCES } from '../admin-units/admin-units';
import type { PatientDocument } from './patient-document';

/** The patient's address as one line: street, ward, province (the names of the stored codes). */
export function addressLine(patient: Pick<PatientDocument, 'address'>): string {
  const province = PROVINCES.find((candidate) => candidate.code === patient.address.provinceCode);
  const ward = province?.wards.find(([code]) => code === patient.address.wardCode);
  return [patient.address.street, ward?.[1], province?.name].filter(Boolean).join(', ');
}
