import { v7 as uuidv7 } from 'uuid';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument, VitalSigns } from '../../shared/clinical/observation-document';
import type { OrderDocument, PrescribedDrug } from '../../shared/clinical/order-document';
import { PRESCRIPTION_SERIALS, prescriptionCode } from '../../shared/identifiers/prescription-code';

/**
 * Valid clinical documents of one patient, as the visit, lab and pharmacy screens would write
 * them: for the chart's unit tests, the tests that sync them, and the chart benchmark. No Node
 * imports: the benchmark builds them inside Chromium.
 */
export interface Authorship {
  facilityCode: string;
  deviceId: string;
  /** The staff member who writes (a doctor; a lab technician for results) */
  staffId: string;
}

const stamp = (by: Authorship, at: string) => ({
  facilityCode: by.facilityCode,
  createdAt: at,
  updatedAt: at,
  createdByDeviceId: by.deviceId,
  createdBy: by.staffId,
  updatedBy: by.staffId,
});

/** A finished outpatient visit on `day` (yyyy-MM-dd), queued at 08:00 local time. */
export function finishedVisit(
  patientId: string,
  by: Authorship,
  day: string,
  overrides: Partial<EncounterDocument> = {},
): EncounterDocument {
  const id = overrides.id ?? uuidv7();
  const at = new Date(`${day}T08:00:00`).toISOString();
  const followUp = new Date(`${day}T00:00:00Z`);
  followUp.setUTCDate(followUp.getUTCDate() + 30);
  return {
    ...stamp(by, at),
    id,
    patientId,
    kind: 'outpatient',
    episodeKey: `${by.facilityCode}.${id}`,
    departmentCode: 'KKB',
    roomCode: 'P101',
    queueDate: day,
    queueNumber: 1,
    status: 'finished',
    queuedAt: at,
    queuedBy: by.staffId,
    calledAt: at,
    doctorId: by.staffId,
    reason: 'Khám định kỳ',
    history: '',
    examination: 'Tỉnh, tiếp xúc tốt',
    diagnoses: [{ code: 'I10', name: 'Bệnh lý tăng huyết áp vô căn (nguyên phát)', primary: true }],
    disposition: 'follow-up',
    followUpDate: followUp.toISOString().slice(0, 10),
    advice: 'Ăn nhạt, tái khám sau 1 tháng',
    finishedAt: at,
    ...overrides,
  };
}

export const NO_VITALS: VitalSigns = {
  pulse: null,
  systolic: null,
  diastolic: null,
  temperature: null,
  respiratoryRate: null,
  spo2: null,
  weightKg: null,
  heightCm: null,
};

export function vitalsTaken(
  visit: EncounterDocument,
  by: Authorship,
  vitals: Partial<VitalSigns>,
  at = visit.queuedAt,
): ObservationDocument {
  return {
    ...stamp(by, at),
    id: uuidv7(),
    patientId: visit.patientId,
    encounterId: visit.id,
    orderId: '',
    kind: 'vital-signs',
    code: 'vital-signs',
    recordedAt: at,
    vitals: { ...NO_VITALS, ...vitals },
    lab: null,
    allergy: null,
    note: '',
  };
}

export function labOrder(
  visit: EncounterDocument,
  by: Authorship,
  tests: [code: string, name: string][],
): OrderDocument {
  return {
    ...stamp(by, visit.queuedAt),
    id: uuidv7(),
    patientId: visit.patientId,
    encounterId: visit.id,
    kind: 'lab',
    status: 'completed',
    tests: tests.map(([code, name]) => ({ code, name, earlierResultId: '', repeatReason: '' })),
    drugs: [],
    prescriptionCode: '',
    overriddenWarnings: [],
    note: '',
    orderedAt: visit.queuedAt,
    handledBy: '',
    completedAt: '',
  };
}

export interface ResultValue {
  code: string;
  name: string;
  value: number;
  unit: string;
  low: number | null;
  high: number | null;
}

/** A numeric result answering `order`, flagged against its range, entered an hour later. */
export function labResult(order: OrderDocument, by: Authorship, result: ResultValue): ObservationDocument {
  const at = new Date(new Date(order.orderedAt).getTime() + 3_600_000).toISOString();
  const flag =
    result.low !== null && result.value < result.low
      ? 'low'
      : result.high !== null && result.value > result.high
        ? 'high'
        : 'normal';
  return {
    ...stamp(by, at),
    id: uuidv7(),
    patientId: order.patientId,
    encounterId: order.encounterId,
    orderId: order.id,
    kind: 'lab-result',
    code: result.code,
    recordedAt: at,
    vitals: null,
    lab: {
      testCode: result.code,
      testName: result.name,
      value: String(result.value),
      numericValue: result.value,
      unit: result.unit,
      referenceLow: result.low,
      referenceHigh: result.high,
      referenceText: '',
      flag,
    },
    allergy: null,
    note: '',
  };
}

export const AMLODIPIN: PrescribedDrug = {
  code: 'SEN-T-0104',
  name: 'Amlodipin',
  activeIngredient: 'Amlodipin',
  strength: '5mg',
  form: 'Viên nén',
  route: 'Uống',
  unit: 'Viên',
  dosePerTime: 1,
  doseUnit: 'Viên',
  timesPerDay: 1,
  days: 30,
  quantity: 30,
  instructions: 'Uống buổi sáng',
};

export const METFORMIN: PrescribedDrug = {
  code: 'SEN-T-0134',
  name: 'Metformin hydroclorid',
  activeIngredient: 'Metformin hydroclorid',
  strength: '500mg',
  form: 'Viên nén bao phim',
  route: 'Uống',
  unit: 'Viên',
  dosePerTime: 1,
  doseUnit: 'Viên',
  timesPerDay: 2,
  days: 30,
  quantity: 60,
  instructions: 'Uống sau ăn',
};

export function prescription(
  visit: EncounterDocument,
  by: Authorship,
  drugs: PrescribedDrug[],
  overrides: Partial<OrderDocument> = {},
): OrderDocument {
  return {
    ...stamp(by, visit.queuedAt),
    id: uuidv7(),
    patientId: visit.patientId,
    encounterId: visit.id,
    kind: 'prescription',
    status: 'completed',
    tests: [],
    drugs,
    // The tag "T0" is no real PC's: a random serial under it is as good as unique in a test.
    prescriptionCode: prescriptionCode(by.facilityCode, 'T0', Math.floor(Math.random() * PRESCRIPTION_SERIALS), 'C'),
    overriddenWarnings: [],
    note: '',
    orderedAt: visit.queuedAt,
    handledBy: '',
    completedAt: '',
    ...overrides,
  };
}

export const GLUCOSE = { code: 'SEN-XN-024', name: 'Glucose máu', unit: 'mmol/L', low: 3.9, high: 6.4 };
export const CREATININE = { code: 'SEN-XN-027', name: 'Creatinin máu', unit: 'µmol/L', low: 62, high: 120 };

export interface PatientHistory {
  encounters: EncounterDocument[];
  orders: OrderDocument[];
  observations: ObservationDocument[];
}

/**
 * A long-followed hypertensive, diabetic patient: `visits` monthly visits from `firstDay`, each
 * with vital signs, glucose and creatinine, and a prescription of two drugs.
 */
export function followedPatientHistory(
  patientId: string,
  doctor: Authorship,
  labTechnician: Authorship,
  visits: number,
  firstDay = '2010-01-04',
): PatientHistory {
  const history: PatientHistory = { encounters: [], orders: [], observations: [] };
  const [year = 2010, month = 1] = firstDay.split('-').map(Number);
  for (let n = 0; n < visits; n += 1) {
    const date = new Date(Date.UTC(year, month - 1 + n, 4));
    const day = date.toISOString().slice(0, 10);
    const visit = finishedVisit(patientId, doctor, day, {
      queueNumber: (n % 40) + 1,
      diagnoses: [
        { code: 'I10', name: 'Bệnh lý tăng huyết áp vô căn (nguyên phát)', primary: true },
        ...(n % 2 === 0 ? [{ code: 'E11', name: 'Đái tháo đường type 2', primary: false }] : []),
      ],
    });
    const tests = labOrder(visit, doctor, [
      [GLUCOSE.code, GLUCOSE.name],
      [CREATININE.code, CREATININE.name],
    ]);
    history.encounters.push(visit);
    history.orders.push(tests, prescription(visit, doctor, [AMLODIPIN, METFORMIN]));
    history.observations.push(
      vitalsTaken(visit, doctor, {
        pulse: 70 + (n % 15),
        systolic: 130 + (n % 25),
        diastolic: 80 + (n % 12),
        temperature: 36.8,
        weightKg: 60 + (n % 7),
        heightCm: 160,
      }),
      labResult(tests, labTechnician, { ...GLUCOSE, value: 5 + (n % 9) * 0.5 }),
      labResult(tests, labTechnician, { ...CREATININE, value: 80 + (n % 10) * 4 }),
    );
  }
  return history;
}
