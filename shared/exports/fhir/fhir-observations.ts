import type { CodeableConcept, Coding, Observation } from '@medplum/fhirtypes';
import type { ObservationDocument, ResultFlag } from '../../clinical/observation-document';
import { BLOOD_PRESSURE, FHIR_SYSTEMS, VITAL_SIGN_CODES } from './fhir-systems';

const VITAL_CATEGORY: CodeableConcept[] = [
  { coding: [{ system: FHIR_SYSTEMS.observationCategory, code: 'vital-signs', display: 'Vital Signs' }] },
];
const LAB_CATEGORY: CodeableConcept[] = [
  { coding: [{ system: FHIR_SYSTEMS.observationCategory, code: 'laboratory', display: 'Laboratory' }] },
];
const INTERPRETATION: Readonly<Record<ResultFlag, string>> = {
  '': '',
  normal: 'N',
  low: 'L',
  high: 'H',
  'critical-low': 'LL',
  'critical-high': 'HH',
  abnormal: 'A',
};

const quantity = (value: number, unit: string) => ({ value, unit, system: FHIR_SYSTEMS.ucum, code: unit });
const loincConcept = (code: string, display: string): CodeableConcept => ({
  coding: [{ system: FHIR_SYSTEMS.loinc, code, display }],
  text: display,
});

function common(observation: ObservationDocument) {
  return {
    status: 'final' as const,
    subject: { reference: `Patient/${observation.patientId}` },
    ...(observation.encounterId ? { encounter: { reference: `Encounter/${observation.encounterId}` } } : {}),
    ...(observation.recordedAt ? { effectiveDateTime: observation.recordedAt } : {}),
  };
}

/** One set of vital signs: an Observation per sign taken (blood pressure as one panel). */
export function fhirVitalSigns(observation: ObservationDocument): Observation[] {
  const vitals = observation.vitals;
  if (!vitals) return [];
  const resources: Observation[] = [];
  for (const [sign, code] of Object.entries(VITAL_SIGN_CODES) as [
    keyof typeof VITAL_SIGN_CODES,
    (typeof VITAL_SIGN_CODES)[keyof typeof VITAL_SIGN_CODES],
  ][]) {
    const value = vitals[sign];
    if (value === null) continue;
    resources.push({
      resourceType: 'Observation',
      id: `${observation.id}-${code.loinc}`,
      ...common(observation),
      category: VITAL_CATEGORY,
      code: loincConcept(code.loinc, code.display),
      valueQuantity: quantity(value, code.unit),
    });
  }
  if (vitals.systolic !== null || vitals.diastolic !== null) {
    const component = (
      [
        [BLOOD_PRESSURE.systolic, vitals.systolic],
        [BLOOD_PRESSURE.diastolic, vitals.diastolic],
      ] as const
    ).flatMap(([code, value]) =>
      value === null
        ? []
        : [{ code: loincConcept(code.loinc, code.display), valueQuantity: quantity(value, BLOOD_PRESSURE.unit) }],
    );
    resources.push({
      resourceType: 'Observation',
      id: `${observation.id}-${BLOOD_PRESSURE.panel.loinc}`,
      ...common(observation),
      category: VITAL_CATEGORY,
      code: loincConcept(BLOOD_PRESSURE.panel.loinc, BLOOD_PRESSURE.panel.display),
      component,
    });
  }
  return resources;
}

/** A lab result: the catalog's code, LOINC beside it where the catalog maps one. */
export function fhirLabResult(
  observation: ObservationDocument,
  loinc: string,
  serviceRequestId: string,
): Observation | null {
  const lab = observation.lab;
  if (!lab) return null;
  const coding: Coding[] = [{ system: FHIR_SYSTEMS.labTest, code: lab.testCode, display: lab.testName }];
  if (loinc) coding.unshift({ system: FHIR_SYSTEMS.loinc, code: loinc, display: lab.testName });
  const interpretation = INTERPRETATION[lab.flag];
  const range = {
    ...(lab.referenceLow !== null ? { low: { value: lab.referenceLow, unit: lab.unit } } : {}),
    ...(lab.referenceHigh !== null ? { high: { value: lab.referenceHigh, unit: lab.unit } } : {}),
    ...(lab.referenceText ? { text: lab.referenceText } : {}),
  };
  return {
    resourceType: 'Observation',
    id: observation.id,
    ...common(observation),
    ...(serviceRequestId ? { basedOn: [{ reference: `ServiceRequest/${serviceRequestId}` }] } : {}),
    category: LAB_CATEGORY,
    code: { coding, text: lab.testName },
    ...(lab.numericValue !== null
      ? { valueQuantity: { value: lab.numericValue, ...(lab.unit ? { unit: lab.unit } : {}) } }
      : { valueString: lab.value }),
    ...(interpretation
      ? { interpretation: [{ coding: [{ system: FHIR_SYSTEMS.interpretation, code: interpretation }] }] }
      : {}),
    ...(Object.keys(range).length > 0 ? { referenceRange: [range] } : {}),
  };
}
