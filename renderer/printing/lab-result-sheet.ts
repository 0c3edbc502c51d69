import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument, ResultFlag } from '../../shared/clinical/observation-document';
import type { OrderDocument } from '../../shared/clinical/order-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { formatDateTime } from '../app/format';
import { referenceText } from '../chart/chart-format';
import { localDay } from './paper-dates';
import {
  diagnosesOnPaper,
  paperFacility,
  paperFooter,
  paperPatient,
  type FacilityIdentity,
  type PaperFacility,
  type PaperFooter,
  type PaperPatient,
} from './paper-parts';

export interface LabResultRow {
  number: number;
  test: string;
  /** As entered ("9,8", "Âm tính"); "Chưa có kết quả" while pending. */
  value: string;
  unit: string;
  reference: string;
  /** "Cao", "Thấp"…: '' when normal or unflagged. */
  flag: string;
  abnormal: boolean;
}

/** The lab result sheet (phiếu kết quả xét nghiệm) of one order, ready to lay out. */
export interface LabResultSheet {
  facility: PaperFacility;
  patient: PaperPatient;
  diagnoses: string;
  orderedAt: string;
  orderingDoctor: string;
  rows: LabResultRow[];
  abnormalCount: number;
  /** Tests without a result yet: a partial sheet says so rather than looking complete. */
  pendingCount: number;
  footer: PaperFooter;
}

export interface LabResultSheetInput {
  order: OrderDocument;
  results: readonly ObservationDocument[];
  patient: PatientDocument;
  encounter: EncounterDocument;
  facility: FacilityIdentity;
  doctorName: string;
  technicianName: string;
}

const FLAG_WORDS: Record<ResultFlag, string> = {
  '': '',
  normal: '',
  low: 'Thấp',
  high: 'Cao',
  'critical-low': 'Nguy hiểm – thấp',
  'critical-high': 'Nguy hiểm – cao',
  abnormal: 'Bất thường',
};

export const PENDING_RESULT = 'Chưa có kết quả';

/** The newest result's time, or when the order was completed, or when it was made. */
function sheetTime(order: OrderDocument, results: readonly ObservationDocument[]): string {
  const times = results.map((result) => result.recordedAt).sort();
  return times.at(-1) ?? (order.completedAt !== '' ? order.completedAt : order.orderedAt);
}

export function buildLabResultSheet(input: LabResultSheetInput): LabResultSheet {
  const { order, results } = input;
  const day = localDay(sheetTime(order, results));
  const facility = paperFacility(input.facility);
  const rows = order.tests.map((test, index): LabResultRow => {
    const lab = results.find((result) => result.code === test.code)?.lab ?? null;
    return {
      number: index + 1,
      test: test.name,
      value: lab?.value ?? PENDING_RESULT,
      unit: lab?.unit ?? '',
      reference: lab ? referenceText(lab.referenceLow, lab.referenceHigh, lab.referenceText) : '',
      flag: lab ? FLAG_WORDS[lab.flag] : '',
      abnormal: lab !== null && FLAG_WORDS[lab.flag] !== '',
    };
  });
  return {
    facility,
    patient: paperPatient(input.patient, day),
    diagnoses: diagnosesOnPaper(input.encounter.diagnoses),
    orderedAt: formatDateTime(order.orderedAt),
    orderingDoctor: input.doctorName,
    rows,
    abnormalCount: rows.filter((row) => row.abnormal).length,
    pendingCount: rows.filter((row) => row.value === PENDING_RESULT).length,
    footer: paperFooter(facility, day, { role: 'Kỹ thuật viên xét nghiệm', name: input.technicianName }),
  };
}
