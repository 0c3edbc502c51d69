import type {
  Bundle,
  Condition,
  Encounter,
  MedicationRequest,
  Observation,
  Patient,
  Resource,
} from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { patientBundle } from '../../../shared/exports/fhir/fhir-bundle';
import { fhirPatient } from '../../../shared/exports/fhir/fhir-patient';
import type { PatientRecord } from '../../../shared/exports/patient-record';
import { EXPORT_CONTEXT, exportPatient, stayRecord, visitRecord } from '../../helpers/export-records';
import { fhirErrors, indexDefinitions } from '../../helpers/fhir-validator';

const BASE = 'https://so-y-te.example/fhir/R4';

function wholeRecord(): PatientRecord {
  const patient = exportPatient();
  const visit = visitRecord(patient);
  const stay = stayRecord(patient);
  const vitals = visit.observations.find((observation) => observation.kind === 'vital-signs');
  if (!vitals) throw new Error('the fixture has vital signs');
  const allergy = {
    ...vitals,
    id: `${vitals.id.slice(0, -4)}a11e`,
    encounterId: '',
    kind: 'allergy' as const,
    code: 'allergy',
    vitals: null,
    allergy: {
      substance: 'Penicilin',
      ingredientKey: 'penicilin',
      reaction: 'Nổi mề đay',
      severity: 'moderate' as const,
      active: true,
    },
  };
  return {
    patient,
    encounters: [...visit.encounters, ...stay.encounters],
    orders: [...visit.orders, ...stay.orders],
    observations: [...visit.observations, ...stay.observations, allergy],
    notes: stay.notes,
    referrals: visit.referrals,
  };
}

const ofType = <T extends Resource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).flatMap((entry) => (entry.resource?.resourceType === type ? [entry.resource as T] : []));

describe("a patient's record as a FHIR R4 Bundle", () => {
  const record = wholeRecord();
  const bundle = patientBundle(record, EXPORT_CONTEXT, BASE, '2026-12-03T02:00:00.000Z');
  // FHIR R4's definitions take seconds to index on a busy machine.
  beforeAll(() => indexDefinitions(), 60_000);

  it('holds every kind of resource the record has', () => {
    const types = new Set((bundle.entry ?? []).map((entry) => entry.resource?.resourceType));
    expect([...types].sort()).toEqual([
      'AllergyIntolerance',
      'Condition',
      'DiagnosticReport',
      'Encounter',
      'MedicationRequest',
      'Observation',
      'Patient',
      'ServiceRequest',
    ]);
  });

  it('passes the FHIR R4 validator (@medplum/core) with no error, the bundle and every resource', async () => {
    expect(await fhirErrors(bundle)).toEqual([]);
    for (const entry of bundle.entry ?? []) {
      if (entry.resource)
        expect({ id: entry.fullUrl, errors: await fhirErrors(entry.resource) }).toEqual({
          id: entry.fullUrl,
          errors: [],
        });
    }
  });

  it('uses a validator that does find errors (a date written dd/MM/yyyy, a missing status)', async () => {
    expect(await fhirErrors({ ...fhirPatient(record.patient), birthDate: '12/03/1990' })).not.toEqual([]);
    const [encounter] = ofType<Encounter>(bundle, 'Encounter');
    expect(await fhirErrors({ ...encounter, status: undefined } as unknown as Encounter)).not.toEqual([]);
  });

  it('names the patient by CCCD and BHYT under documented systems, the name with its diacritics', () => {
    const [patient] = ofType<Patient>(bundle, 'Patient');
    expect(patient?.identifier).toEqual(
      expect.arrayContaining([
        { use: 'official', system: 'https://sen.health.vn/fhir/sid/cccd', value: '001190012345' },
        { use: 'secondary', system: 'https://sen.health.vn/fhir/sid/bhyt', value: 'DN4010012345678' },
      ]),
    );
    expect(patient?.name?.[0]).toMatchObject({
      family: 'Nguyễn',
      given: ['Thị Ánh', 'Tuyết'],
      text: 'Nguyễn Thị Ánh Tuyết',
    });
    expect(patient?.birthDate).toBe('1990-03-12');
  });

  it('codes diagnoses in ICD-10 and keeps the episode key on the encounter', () => {
    const codes = ofType<Condition>(bundle, 'Condition').map((condition) => condition.code?.coding?.[0]);
    expect(codes).toContainEqual({
      system: 'http://hl7.org/fhir/sid/icd-10',
      code: 'E11.9',
      display: 'Bệnh đái tháo đường không phụ thuộc insuline (Chưa có biến chứng)',
    });
    const stay = ofType<Encounter>(bundle, 'Encounter').find((encounter) => encounter.class.code === 'IMP');
    expect(stay?.identifier?.[0]?.value).toBe(record.encounters[1]?.episodeKey);
    expect(stay?.period).toEqual({ start: '2026-11-28T03:15:00.000Z', end: '2026-12-02T09:30:00.000Z' });
  });

  it('codes vital signs and mapped lab results in LOINC', () => {
    const observations = ofType<Observation>(bundle, 'Observation');
    const codes = observations.map((observation) => observation.code.coding?.[0]?.code);
    expect(codes).toEqual(
      expect.arrayContaining(['8867-4', '85354-9', '8310-5', '29463-7', '8302-2', '14749-6', '14682-9']),
    );
    const glucose = observations.find((observation) => observation.valueQuantity?.value === 9.8);
    expect(glucose?.code.coding).toEqual([
      { system: 'http://loinc.org', code: '14749-6', display: 'Glucose máu' },
      { system: 'https://sen.health.vn/fhir/CodeSystem/lab-test', code: 'SEN-XN-024', display: 'Glucose máu' },
    ]);
    expect(glucose?.interpretation?.[0]?.coding?.[0]?.code).toBe('H');
  });

  it('writes each prescribed drug as a MedicationRequest with its dosage', () => {
    const metformin = ofType<MedicationRequest>(bundle, 'MedicationRequest').find(
      (request) => request.medicationCodeableConcept?.coding?.[0]?.code === 'SEN-T-0134',
    );
    expect(metformin?.dosageInstruction?.[0]?.timing?.repeat).toMatchObject({
      frequency: 2,
      period: 1,
      periodUnit: 'd',
    });
    expect(metformin?.dispenseRequest?.quantity?.value).toBe(60);
  });
});
