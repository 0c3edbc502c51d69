import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { clinicalDocumentsOf, DOCUMENTS_PER_PATIENT } from '../clinical/clinical-fixtures';
import { generatePatients } from '../patient-fixtures';

/**
 * A facility's records as a first sync brings them down: patients AND their clinical history,
 * in the proportions of bench/clinical (issue 10's district hospital): per patient 3 outpatient
 * visits (reason, examination, a diagnosis), 2 lab orders (glucose), 3 sets of vital signs (one
 * per visit) and 2 lab results (one per order). That is 1 patient to 10 clinical documents, so
 * 22,000 documents are 2,000 patients with their 20,000 clinical documents, and 220,000 are
 * 20,000 with 200,000. Progress notes (inpatient stays only) and prescriptions are not in it.
 * Browser-safe: the backlog bench writes the same documents inside the page.
 */
export const MIX_DOCUMENTS_PER_PATIENT = 1 + DOCUMENTS_PER_PATIENT;

/** Who writes each kind, as at the facility: the authors must hold the permission the server checks. */
export interface MixAuthors {
  registrar: string;
  doctor: string;
  labTechnician: string;
}

export interface ClinicalMix {
  patients: PatientDocument[];
  encounters: EncounterDocument[];
  orders: OrderDocument[];
  observations: ObservationDocument[];
}

/** The collections in the order the server needs them: each refers only to those before it. */
export const MIX_COLLECTIONS = ['patients', 'encounters', 'orders', 'observations'] as const;
export type MixCollection = (typeof MIX_COLLECTIONS)[number];

/** The author field of a mix document: the staff member who signs it. */
export function authorOf(document: { updatedBy: string }): string {
  return document.updatedBy;
}

/** `patientCount` patients of the demo facility with their clinical history, without envelopes. */
export function clinicalMix(patientCount: number, authors: MixAuthors, seed = 11): ClinicalMix {
  const patients = generatePatients(patientCount, DEMO_FACILITY_CODE, seed, authors.registrar);
  const mix: ClinicalMix = { patients, encounters: [], orders: [], observations: [] };
  const author = { facilityCode: DEMO_FACILITY_CODE, staffId: authors.doctor, deviceId: 'bench-device' };
  const byLab = { createdBy: authors.labTechnician, updatedBy: authors.labTechnician };
  patients.forEach((patient, index) => {
    const history = clinicalDocumentsOf(patient.id, index, author);
    mix.encounters.push(...history.encounters.map(withoutEnvelope));
    // The lab handles the orders it completes, and writes their results.
    mix.orders.push(
      ...history.orders.map((order) => ({ ...withoutEnvelope(order), handledBy: authors.labTechnician })),
    );
    mix.observations.push(
      ...history.observations.map((observation) =>
        observation.kind === 'lab-result'
          ? { ...withoutEnvelope(observation), ...byLab }
          : withoutEnvelope(observation),
      ),
    );
  });
  return mix;
}

export function mixSize(mix: ClinicalMix): number {
  return MIX_COLLECTIONS.reduce((total, collection) => total + mix[collection].length, 0);
}

function withoutEnvelope<T extends { syncMeta: unknown }>(document: T): Omit<T, 'syncMeta'> {
  const { syncMeta: _envelope, ...body } = document;
  return body;
}
