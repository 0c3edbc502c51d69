import type { Diagnosis } from '../../shared/clinical/common-fields';
import type { Disposition, EncounterDocument, EncounterStatus } from '../../shared/clinical/encounter-document';
import type { LabResult, ObservationDocument, VitalSigns } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import { abnormalVitalSigns, bodyMassIndex, type VitalSign } from '../../shared/clinical/vital-signs';
import { resolveVersions } from '../../shared/clinical/version-chain';
import type { ChartDocuments } from './chart-documents';

export interface VisitVitals {
  id: string;
  recordedAt: string;
  vitals: VitalSigns;
  bmi: number | null;
  abnormal: Partial<Record<VitalSign, 'low' | 'high'>>;
}

export interface VisitResult {
  id: string;
  orderId: string;
  recordedAt: string;
  lab: LabResult;
}

/** One visit as the chart shows it, with what was measured, found and prescribed in it. */
export interface TimelineVisit {
  id: string;
  /** Where the visit was made: another facility's code for a visit fetched from the province */
  facilityCode: string;
  queueDate: string;
  queuedAt: string;
  status: EncounterStatus;
  departmentCode: string;
  roomCode: string;
  doctorId: string;
  reason: string;
  examination: string;
  diagnoses: readonly Diagnosis[];
  disposition: Disposition;
  followUpDate: string;
  advice: string;
  vitals: VisitVitals[];
  results: VisitResult[];
  /** Lab and imaging orders of the visit (a test still awaited shows here without a result). */
  testOrders: OrderDocument[];
  prescriptions: OrderDocument[];
  /** The version in force, as stored: its signature is checked against it. */
  document: EncounterDocument;
  /** Versions it replaced (amended), oldest first: readable, marked superseded. */
  supersededVersions: EncounterDocument[];
  /**
   * An inpatient stay's dates (yyyy-MM-dd; dischargedOn '' while the patient is in hospital);
   * null for an outpatient visit.
   */
  stay: { admittedOn: string; dischargedOn: string } | null;
}

/** The dates of a stay as the chart shows them; the discharge day is the PC's day of it. */
function stayDatesOf(encounter: EncounterDocument): TimelineVisit['stay'] {
  if (encounter.kind !== 'inpatient') return null;
  const finished = encounter.status === 'finished' ? new Date(encounter.finishedAt) : null;
  const pad = (value: number): string => String(value).padStart(2, '0');
  const dischargedOn =
    finished && !Number.isNaN(finished.getTime())
      ? `${finished.getFullYear()}-${pad(finished.getMonth() + 1)}-${pad(finished.getDate())}`
      : '';
  return { admittedOn: encounter.queueDate, dischargedOn };
}

function visitOf(encounter: EncounterDocument, history: EncounterDocument[]): TimelineVisit {
  return {
    document: encounter,
    supersededVersions: history.filter((version) => version.id !== encounter.id),
    id: encounter.id,
    facilityCode: encounter.facilityCode,
    queueDate: encounter.queueDate,
    queuedAt: encounter.queuedAt,
    status: encounter.status,
    departmentCode: encounter.departmentCode,
    roomCode: encounter.roomCode,
    doctorId: encounter.doctorId,
    reason: encounter.reason,
    examination: encounter.examination,
    diagnoses: encounter.diagnoses,
    disposition: encounter.disposition,
    followUpDate: encounter.followUpDate,
    advice: encounter.advice,
    vitals: [],
    results: [],
    testOrders: [],
    prescriptions: [],
    stay: stayDatesOf(encounter),
  };
}

/** Newest visit first: by the visit's day, then by when it was queued that day. */
function newestFirst(a: TimelineVisit, b: TimelineVisit): number {
  if (a.queueDate !== b.queueDate) return a.queueDate < b.queueDate ? 1 : -1;
  if (a.queuedAt !== b.queuedAt) return a.queuedAt < b.queuedAt ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}

const byTime =
  <T>(time: (item: T) => string) =>
  (a: T, b: T): number =>
    time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : 0;

/**
 * The patient's visits, newest first, each with its vital signs, results and orders. One pass
 * over each list, joined by encounter id through a map: linear in what the patient has. A
 * result names its visit directly, or through its order. What names a visit this PC does not
 * hold yet (sync brings it a moment later) waits outside the timeline; the trends still use it.
 */
export function buildTimeline(documents: ChartDocuments): TimelineVisit[] {
  // An amended visit is one entry, its version in force; what named an older version joins it.
  const chains = resolveVersions(documents.encounters);
  const visits = new Map<string, TimelineVisit>();
  for (const encounter of chains.current) visits.set(encounter.id, visitOf(encounter, chains.historyOf(encounter.id)));
  const visitNamed = (id: string): TimelineVisit | undefined => visits.get(chains.currentOf(id)?.id ?? id);
  const encounterOfOrder = new Map<string, string>();
  for (const order of documents.orders) {
    encounterOfOrder.set(order.id, order.encounterId);
    const visit = visitNamed(order.encounterId);
    if (!visit) continue;
    if (order.kind === 'prescription') visit.prescriptions.push(order);
    else visit.testOrders.push(order);
  }
  for (const observation of documents.observations) {
    const encounterId = observation.encounterId || encounterOfOrder.get(observation.orderId) || '';
    const visit = visitNamed(encounterId);
    if (!visit) continue;
    addObservation(visit, observation);
  }
  const timeline = [...visits.values()].sort(newestFirst);
  for (const visit of timeline) {
    visit.vitals.sort(byTime((vitals) => vitals.recordedAt));
    visit.results.sort(byTime((result) => result.recordedAt));
    visit.testOrders.sort(byTime((order) => order.orderedAt));
    visit.prescriptions.sort(byTime((order) => order.orderedAt));
  }
  return timeline;
}

function addObservation(visit: TimelineVisit, observation: ObservationDocument): void {
  if (observation.kind === 'vital-signs' && observation.vitals) {
    visit.vitals.push({
      id: observation.id,
      recordedAt: observation.recordedAt,
      vitals: observation.vitals,
      bmi: bodyMassIndex(observation.vitals),
      abnormal: abnormalVitalSigns(observation.vitals),
    });
  } else if (observation.kind === 'lab-result' && observation.lab) {
    visit.results.push({
      id: observation.id,
      orderId: observation.orderId,
      recordedAt: observation.recordedAt,
      lab: observation.lab,
    });
  }
}
