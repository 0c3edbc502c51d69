import type { Coding, DiagnosticReport, MedicationRequest, ServiceRequest } from '@medplum/fhirtypes';
import type { ObservationDocument } from '../../clinical/observation-document';
import type { OrderDocument, OrderStatus } from '../../clinical/order-document';
import { FHIR_SYSTEMS } from './fhir-systems';

const REQUEST_STATUS: Readonly<Record<OrderStatus, 'active' | 'completed' | 'revoked'>> = {
  ordered: 'active',
  'in-progress': 'active',
  completed: 'completed',
  cancelled: 'revoked',
};

/** Each line of an order is its own request: `<order id>-<line number>`. */
export const lineId = (orderId: string, index: number): string => `${orderId}-${String(index + 1)}`;

const orderContext = (order: OrderDocument) => ({
  subject: { reference: `Patient/${order.patientId}` },
  encounter: { reference: `Encounter/${order.encounterId}` },
  ...(order.orderedAt ? { authoredOn: order.orderedAt } : {}),
});

export function fhirMedicationRequests(order: OrderDocument): MedicationRequest[] {
  return order.drugs.map((drug, index) => ({
    resourceType: 'MedicationRequest',
    id: lineId(order.id, index),
    ...(order.prescriptionCode
      ? { identifier: [{ system: FHIR_SYSTEMS.prescriptionCode, value: order.prescriptionCode }] }
      : {}),
    status: order.status === 'cancelled' ? 'cancelled' : order.status === 'completed' ? 'completed' : 'active',
    intent: 'order',
    medicationCodeableConcept: {
      coding: [{ system: FHIR_SYSTEMS.drug, code: drug.code, display: drug.name }],
      text: [drug.name, drug.strength].filter(Boolean).join(' '),
    },
    ...orderContext(order),
    dosageInstruction: [
      {
        text: `${String(drug.dosePerTime)} ${drug.doseUnit}/lần, ${String(drug.timesPerDay)} lần/ngày, ${String(drug.days)} ngày${drug.instructions ? `; ${drug.instructions}` : ''}`,
        timing: {
          repeat: {
            frequency: drug.timesPerDay,
            period: 1,
            periodUnit: 'd',
            boundsDuration: { value: drug.days, unit: 'd', system: FHIR_SYSTEMS.ucum, code: 'd' },
          },
        },
        ...(drug.route ? { route: { text: drug.route } } : {}),
        doseAndRate: [{ doseQuantity: { value: drug.dosePerTime, unit: drug.doseUnit } }],
      },
    ],
    dispenseRequest: { quantity: { value: drug.quantity, unit: drug.unit } },
  }));
}

export function fhirServiceRequests(order: OrderDocument, loincOf: (code: string) => string): ServiceRequest[] {
  const category =
    order.kind === 'lab'
      ? { system: FHIR_SYSTEMS.snomed, code: '108252007', display: 'Laboratory procedure' }
      : { system: FHIR_SYSTEMS.snomed, code: '363679005', display: 'Imaging' };
  return order.tests.map((test, index) => {
    const loinc = order.kind === 'lab' ? loincOf(test.code) : '';
    const coding: Coding[] = [{ system: FHIR_SYSTEMS.labTest, code: test.code, display: test.name }];
    if (loinc) coding.unshift({ system: FHIR_SYSTEMS.loinc, code: loinc, display: test.name });
    return {
      resourceType: 'ServiceRequest',
      id: lineId(order.id, index),
      status: REQUEST_STATUS[order.status],
      intent: 'order',
      category: [{ coding: [category] }],
      code: { coding, text: test.name },
      ...orderContext(order),
      ...(test.repeatReason ? { note: [{ text: test.repeatReason }] } : {}),
    };
  });
}

/** The results of a lab order, reported together. */
export function fhirDiagnosticReport(
  order: OrderDocument,
  results: readonly ObservationDocument[],
): DiagnosticReport | null {
  if (order.kind !== 'lab' || results.length === 0) return null;
  const last = [...results].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)).at(-1);
  return {
    resourceType: 'DiagnosticReport',
    id: order.id,
    basedOn: order.tests.map((_, index) => ({ reference: `ServiceRequest/${lineId(order.id, index)}` })),
    status: order.status === 'completed' ? 'final' : 'partial',
    category: [{ coding: [{ system: FHIR_SYSTEMS.diagnosticService, code: 'LAB', display: 'Laboratory' }] }],
    code: {
      coding: [{ system: FHIR_SYSTEMS.loinc, code: '11502-2', display: 'Laboratory report' }],
      text: 'Kết quả xét nghiệm',
    },
    subject: { reference: `Patient/${order.patientId}` },
    encounter: { reference: `Encounter/${order.encounterId}` },
    ...(last?.recordedAt ? { effectiveDateTime: last.recordedAt } : {}),
    result: results.map((result) => ({ reference: `Observation/${result.id}` })),
  };
}
