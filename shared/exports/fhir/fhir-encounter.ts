import type { Condition, Encounter } from '@medplum/fhirtypes';
import type { Diagnosis } from '../../clinical/common-fields';
import type { EncounterDocument, EncounterStatus } from '../../clinical/encounter-document';
import type { NoteDocument } from '../../clinical/note-document';
import { FHIR_SYSTEMS } from './fhir-systems';

const STATUS: Readonly<Record<EncounterStatus, Encounter['status']>> = {
  waiting: 'arrived',
  'in-progress': 'in-progress',
  finished: 'finished',
  cancelled: 'cancelled',
};

/** FHIR ids allow letters, digits, '-' and '.': an ICD-10 code fits as it is. */
export const conditionId = (encounterId: string, code: string): string => `${encounterId}-${code}`;

/** The diagnoses an encounter ends with: the discharge summary's for a stay that has one. */
export function finalDiagnoses(encounter: EncounterDocument, notes: readonly NoteDocument[]): readonly Diagnosis[] {
  const discharge = notes.filter((note) => note.encounterId === encounter.id && note.discharge).at(-1)?.discharge;
  return discharge?.diagnoses ?? encounter.diagnoses;
}

export function fhirEncounter(encounter: EncounterDocument, diagnoses: readonly Diagnosis[]): Encounter {
  const start = encounter.stay?.admittedAt ?? encounter.queuedAt;
  const end = encounter.status === 'finished' ? encounter.finishedAt : '';
  const inpatient = encounter.kind === 'inpatient';
  return {
    resourceType: 'Encounter',
    id: encounter.id,
    identifier: [{ system: FHIR_SYSTEMS.episodeKey, value: encounter.episodeKey }],
    status: STATUS[encounter.status],
    class: {
      system: FHIR_SYSTEMS.actCode,
      code: inpatient ? 'IMP' : 'AMB',
      display: inpatient ? 'inpatient encounter' : 'ambulatory',
    },
    subject: { reference: `Patient/${encounter.patientId}` },
    ...(start ? { period: { start, ...(end ? { end } : {}) } } : {}),
    ...(encounter.reason ? { reasonCode: [{ text: encounter.reason }] } : {}),
    ...(diagnoses.length > 0
      ? {
          diagnosis: [...diagnoses]
            .sort((a, b) => Number(b.primary) - Number(a.primary))
            .map((diagnosis, index) => ({
              condition: { reference: `Condition/${conditionId(encounter.id, diagnosis.code)}` },
              rank: index + 1,
            })),
        }
      : {}),
  };
}

export function fhirConditions(encounter: EncounterDocument, diagnoses: readonly Diagnosis[]): Condition[] {
  return diagnoses.map((diagnosis) => ({
    resourceType: 'Condition',
    id: conditionId(encounter.id, diagnosis.code),
    verificationStatus: { coding: [{ system: FHIR_SYSTEMS.conditionVerification, code: 'confirmed' }] },
    category: [{ coding: [{ system: FHIR_SYSTEMS.conditionCategory, code: 'encounter-diagnosis' }] }],
    code: {
      coding: [{ system: FHIR_SYSTEMS.icd10, code: diagnosis.code, display: diagnosis.name }],
      text: diagnosis.name,
    },
    subject: { reference: `Patient/${encounter.patientId}` },
    encounter: { reference: `Encounter/${encounter.id}` },
    ...(encounter.finishedAt ? { recordedDate: encounter.finishedAt } : {}),
  }));
}
