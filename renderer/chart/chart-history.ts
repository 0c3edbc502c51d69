import type { OrderDocument } from '../../shared/clinical/order-document';
import { addDays, localDayOf } from './chart-documents';
import type { TimelineVisit } from './chart-timeline';

/** One ICD-10 code over the patient's visits: when it was first and last diagnosed. */
export interface DiagnosisOverTime {
  code: string;
  /** The name as given at the latest visit that named it */
  name: string;
  firstDate: string;
  lastDate: string;
  visits: number;
  /** Primary at the latest visit that named it */
  primary: boolean;
}

/**
 * Diagnoses over time from a timeline (newest visit first): one line per code, the most
 * recently diagnosed first. A cancelled visit diagnosed nothing.
 */
export function diagnosesOverTime(timeline: readonly TimelineVisit[]): DiagnosisOverTime[] {
  const byCode = new Map<string, DiagnosisOverTime>();
  for (const visit of timeline) {
    if (visit.status === 'cancelled') continue;
    for (const diagnosis of visit.diagnoses) {
      const known = byCode.get(diagnosis.code);
      if (known) {
        // Visits come newest first: a later one in the loop is an earlier diagnosis.
        known.firstDate = visit.queueDate;
        known.visits += 1;
      } else {
        byCode.set(diagnosis.code, {
          code: diagnosis.code,
          name: diagnosis.name,
          firstDate: visit.queueDate,
          lastDate: visit.queueDate,
          visits: 1,
          primary: diagnosis.primary,
        });
      }
    }
  }
  return [...byCode.values()];
}

/** One prescribed drug, with the days it covers. */
export interface MedicationLine {
  orderId: string;
  prescriptionCode: string;
  status: OrderDocument['status'];
  code: string;
  name: string;
  activeIngredient: string;
  strength: string;
  unit: string;
  dosePerTime: number;
  doseUnit: string;
  timesPerDay: number;
  days: number;
  quantity: number;
  instructions: string;
  /** The day it was prescribed and the last day it covers (yyyy-MM-dd) */
  startDate: string;
  endDate: string;
}

export interface Medications {
  /** Still being taken today by the prescription's days */
  current: MedicationLine[];
  past: MedicationLine[];
}

/**
 * Current and past medications from the prescriptions (newest first). A cancelled
 * prescription was never taken; a drug is current while its days last, counting the day it
 * was prescribed as the first.
 */
export function medicationsOf(orders: readonly OrderDocument[], today: string): Medications {
  const lines: MedicationLine[] = [];
  for (const order of orders) {
    if (order.kind !== 'prescription' || order.status === 'cancelled') continue;
    const startDate = localDayOf(order.orderedAt);
    for (const drug of order.drugs) {
      lines.push({
        orderId: order.id,
        prescriptionCode: order.prescriptionCode,
        status: order.status,
        code: drug.code,
        name: drug.name,
        activeIngredient: drug.activeIngredient,
        strength: drug.strength,
        unit: drug.unit,
        doseUnit: drug.doseUnit,
        dosePerTime: drug.dosePerTime,
        timesPerDay: drug.timesPerDay,
        days: drug.days,
        quantity: drug.quantity,
        instructions: drug.instructions,
        startDate,
        endDate: startDate === '' ? '' : addDays(startDate, drug.days - 1),
      });
    }
  }
  lines.sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
  return {
    current: lines.filter((line) => line.startDate <= today && today <= line.endDate),
    past: lines.filter((line) => !(line.startDate <= today && today <= line.endDate)),
  };
}
