import type { Bundle, Resource } from '@medplum/fhirtypes';
import { inForce, type ExportContext, type PatientRecord } from '../patient-record';
import { fhirConditions, fhirEncounter, finalDiagnoses } from './fhir-encounter';
import { fhirLabResult, fhirVitalSigns } from './fhir-observations';
import { fhirDiagnosticReport, fhirMedicationRequests, fhirServiceRequests, lineId } from './fhir-orders';
import { fhirAllergy, fhirPatient } from './fhir-patient';

/** Every resource of a patient's record, the Patient first. */
export function patientResources(record: PatientRecord, context: Pick<ExportContext, 'loincOf'>): Resource[] {
  const resources: Resource[] = [fhirPatient(record.patient)];
  const notes = inForce(record.notes);
  for (const encounter of inForce(record.encounters)) {
    const diagnoses = finalDiagnoses(encounter, notes);
    resources.push(fhirEncounter(encounter, diagnoses), ...fhirConditions(encounter, diagnoses));
  }
  const orders = inForce(record.orders);
  for (const order of orders) {
    if (order.kind === 'prescription') resources.push(...fhirMedicationRequests(order));
    else resources.push(...fhirServiceRequests(order, context.loincOf));
  }
  for (const observation of record.observations) {
    if (observation.kind === 'vital-signs') resources.push(...fhirVitalSigns(observation));
    if (observation.kind === 'allergy') {
      const allergy = fhirAllergy(observation);
      if (allergy) resources.push(allergy);
    }
    if (observation.kind === 'lab-result' && observation.lab) {
      const order = orders.find((candidate) => candidate.id === observation.orderId);
      const line = order?.tests.findIndex((test) => test.code === observation.lab?.testCode) ?? -1;
      const result = fhirLabResult(
        observation,
        context.loincOf(observation.lab.testCode),
        order && line >= 0 ? lineId(order.id, line) : '',
      );
      if (result) resources.push(result);
    }
  }
  for (const order of orders) {
    const report = fhirDiagnosticReport(
      order,
      record.observations.filter(
        (observation) => observation.orderId === order.id && observation.kind === 'lab-result',
      ),
    );
    if (report) resources.push(report);
  }
  return resources;
}

/**
 * The patient's record as a FHIR R4 Bundle: a `searchset` as `Patient/$everything` answers, each
 * entry's fullUrl under `baseUrl` (the server's /fhir/R4), references relative to it.
 */
export function patientBundle(
  record: PatientRecord,
  context: Pick<ExportContext, 'loincOf'>,
  baseUrl: string,
  at: string,
): Bundle {
  const resources = patientResources(record, context);
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    timestamp: at,
    total: resources.length,
    entry: resources.map((resource) => ({
      fullUrl: `${baseUrl}/${resource.resourceType}/${resource.id ?? ''}`,
      resource,
      search: { mode: resource.resourceType === 'Patient' ? 'match' : 'include' },
    })),
  };
}
