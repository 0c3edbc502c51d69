import type { AllergyIntolerance, Identifier, Patient } from '@medplum/fhirtypes';
import type { ObservationDocument } from '../../clinical/observation-document';
import { addressLine } from '../../patient/patient-address';
import type { PatientDocument } from '../../patient/patient-document';
import { FHIR_SYSTEMS } from './fhir-systems';

export function fhirPatient(patient: PatientDocument): Patient {
  const identifier: Identifier[] = [{ use: 'usual', system: FHIR_SYSTEMS.patientCode, value: patient.patientCode }];
  if (patient.cccd) identifier.push({ use: 'official', system: FHIR_SYSTEMS.cccd, value: patient.cccd });
  if (patient.bhyt) identifier.push({ use: 'secondary', system: FHIR_SYSTEMS.bhyt, value: patient.bhyt });
  const given = [patient.middleName, patient.givenName].filter(Boolean);
  return {
    resourceType: 'Patient',
    id: patient.id,
    identifier,
    name: [
      {
        use: 'official',
        text: [patient.familyName, ...given].join(' '),
        family: patient.familyName,
        given,
      },
    ],
    gender: patient.sex,
    birthDate: patient.dateOfBirth,
    ...(patient.phone ? { telecom: [{ system: 'phone', value: patient.phone }] } : {}),
    address: [
      {
        use: 'home',
        text: addressLine(patient),
        ...(patient.address.street ? { line: [patient.address.street] } : {}),
        country: 'VN',
      },
    ],
  };
}

export function fhirAllergy(observation: ObservationDocument): AllergyIntolerance | null {
  const allergy = observation.allergy;
  if (!allergy) return null;
  return {
    resourceType: 'AllergyIntolerance',
    id: observation.id,
    clinicalStatus: {
      coding: [{ system: FHIR_SYSTEMS.allergyClinical, code: allergy.active ? 'active' : 'inactive' }],
    },
    verificationStatus: { coding: [{ system: FHIR_SYSTEMS.allergyVerification, code: 'confirmed' }] },
    code: { text: allergy.substance },
    patient: { reference: `Patient/${observation.patientId}` },
    ...(observation.recordedAt ? { recordedDate: observation.recordedAt } : {}),
    ...(allergy.reaction
      ? { reaction: [{ manifestation: [{ text: allergy.reaction }], severity: allergy.severity }] }
      : {}),
  };
}
