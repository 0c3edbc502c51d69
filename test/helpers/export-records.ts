import { v7 as uuidv7 } from 'uuid';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { NoteDocument } from '../../shared/clinical/note-document';
import type { ExportContext, PatientRecord } from '../../shared/exports/patient-record';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { patientSearchKeys } from '../../shared/patient/patient-search-keys';
import { DEMO_FACILITY_CODE } from '../../server/demo/demo-facility-code';
import { DEMO_STAFF } from '../../server/demo/demo-staff';
import {
  AMLODIPIN,
  CREATININE,
  finishedVisit,
  GLUCOSE,
  labOrder,
  labResult,
  METFORMIN,
  prescription,
  vitalsTaken,
  type Authorship,
} from './clinical-history';
import { patientDocument } from './patient-documents';
import { referralDocument } from './referral-documents';

/**
 * Realistic records to export: a finished visit ending in a referral, and a discharged stay,
 * with the values a round trip must find again exactly (diacritics, leading zeros, times).
 */
export const DOCTOR: Authorship = {
  facilityCode: DEMO_FACILITY_CODE,
  deviceId: 'pc-kham',
  staffId: DEMO_STAFF.doctor.id,
};
export const LAB: Authorship = {
  facilityCode: DEMO_FACILITY_CODE,
  deviceId: 'pc-xn',
  staffId: DEMO_STAFF.labTechnician.id,
};

export function exportPatient(overrides: Partial<PatientDocument> = {}): PatientDocument {
  const patient = patientDocument(DEMO_FACILITY_CODE, {
    familyName: 'Nguyễn',
    middleName: 'Thị Ánh',
    givenName: 'Tuyết',
    cccd: '001190012345',
    bhyt: 'DN4010012345678',
    ethnicityCode: '01',
    ...overrides,
  });
  // The server recomputes the search keys and refuses a document whose keys differ.
  return { ...patient, ...patientSearchKeys(patient) };
}

/** A morning visit on 2026-12-02 (08:05 Vietnam time), hypertension and diabetes, referred on. */
export function visitRecord(patient: PatientDocument): PatientRecord {
  const visit = finishedVisit(patient.id, DOCTOR, '2026-12-02', {
    queuedAt: '2026-12-02T01:05:00.000Z',
    calledAt: '2026-12-02T01:20:00.000Z',
    finishedAt: '2026-12-02T02:47:00.000Z',
    reason: 'Đau đầu, chóng mặt',
    diagnoses: [
      { code: 'I10', name: 'Bệnh lý tăng huyết áp', primary: true },
      { code: 'E11.9', name: 'Bệnh đái tháo đường không phụ thuộc insuline (Chưa có biến chứng)', primary: false },
    ],
    disposition: 'refer',
  });
  const tests = labOrder(visit, DOCTOR, [
    [GLUCOSE.code, GLUCOSE.name],
    [CREATININE.code, CREATININE.name],
  ]);
  const drugs = prescription(visit, DOCTOR, [AMLODIPIN, METFORMIN]);
  const referral = referralDocument(patient, '15001', DOCTOR.staffId, {
    createdAt: '2026-12-02T02:40:00.000Z',
    updatedAt: '2026-12-02T02:40:00.000Z',
  });
  return {
    patient,
    encounters: [visit],
    orders: [tests, drugs],
    observations: [
      vitalsTaken(visit, DOCTOR, {
        pulse: 88,
        systolic: 165,
        diastolic: 95,
        temperature: 36.9,
        weightKg: 52.5,
        heightCm: 155,
      }),
      labResult(tests, LAB, { ...GLUCOSE, value: 9.8 }),
      labResult(tests, LAB, { ...CREATININE, value: 96 }),
    ],
    notes: [],
    referrals: [referral],
  };
}

function note(
  stay: EncounterDocument,
  kind: NoteDocument['kind'],
  writtenAt: string,
  parts: Partial<NoteDocument>,
): NoteDocument {
  return {
    id: uuidv7(),
    facilityCode: stay.facilityCode,
    patientId: stay.patientId,
    encounterId: stay.id,
    kind,
    noteDate: writtenAt.slice(0, 10),
    writtenAt,
    text: '',
    progress: null,
    discharge: null,
    transfer: null,
    createdAt: writtenAt,
    updatedAt: writtenAt,
    createdByDeviceId: DOCTOR.deviceId,
    createdBy: DOCTOR.staffId,
    updatedBy: DOCTOR.staffId,
    ...parts,
  };
}

/** A pneumonia stay in Khoa Nội, 2026-11-28 to 2026-12-02, two progress notes, one move. */
export function stayRecord(patient: PatientDocument): PatientRecord {
  const admittedAt = '2026-11-28T03:15:00.000Z';
  const dischargedAt = '2026-12-02T09:30:00.000Z';
  const base = finishedVisit(patient.id, DOCTOR, '2026-11-28');
  const stay: EncounterDocument = {
    ...base,
    kind: 'inpatient',
    departmentCode: 'KNOI',
    roomCode: 'NOITRU',
    queuedAt: admittedAt,
    calledAt: admittedAt,
    reason: 'Sốt cao, ho khạc đờm',
    diagnoses: [{ code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true }],
    disposition: 'home',
    followUpDate: '',
    finishedAt: dischargedAt,
    stay: {
      fromEncounterId: '',
      admittedAt,
      admittedBy: DOCTOR.staffId,
      location: { departmentCode: 'KNOI', bed: 'G03' },
      admittingDiagnoses: [{ code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true }],
    },
  };
  const tests = labOrder(stay, DOCTOR, [[GLUCOSE.code, GLUCOSE.name]]);
  const move = note(stay, 'transfer', '2026-11-29T02:00:00.000Z', {
    transfer: {
      from: { departmentCode: 'KNOI', bed: 'G03' },
      to: { departmentCode: 'KHSCC', bed: 'G01' },
      after: [],
      movedAt: '2026-11-29T02:00:00.000Z',
    },
  });
  return {
    patient,
    encounters: [stay],
    orders: [tests, prescription(stay, DOCTOR, [AMLODIPIN])],
    observations: [labResult(tests, LAB, { ...GLUCOSE, value: 5.4 })],
    notes: [
      note(stay, 'progress', '2026-11-29T01:30:00.000Z', {
        text: 'Sốt 39 °C, ran nổ đáy phổi phải',
        progress: { vitalsObservationId: '', ordersSummary: 'Ceftriaxon 1g x 2 lọ/ngày' },
      }),
      move,
      note(stay, 'progress', '2026-11-30T01:30:00.000Z', {
        text: 'Hết sốt, còn ho ít',
        progress: { vitalsObservationId: '', ordersSummary: 'Tiếp tục kháng sinh' },
      }),
      note(stay, 'discharge-summary', dischargedAt, {
        text: 'Ra viện',
        discharge: {
          dischargedAt,
          diagnoses: [
            { code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true },
            { code: 'I10', name: 'Bệnh lý tăng huyết áp', primary: false },
          ],
          treatment: 'Kháng sinh đường tĩnh mạch 5 ngày, hạ sốt',
          condition: 'improved',
          followUpDate: '2026-12-09',
          followUp: 'Tái khám sau 1 tuần',
          advice: 'Uống đủ nước, nghỉ ngơi',
        },
      }),
    ],
    referrals: [],
  };
}

const STAFF_NAMES = new Map<string, string>(Object.values(DEMO_STAFF).map((staff) => [staff.id, staff.displayName]));
const LOINC = new Map([
  [GLUCOSE.code, '14749-6'],
  [CREATININE.code, '14682-9'],
]);

export const EXPORT_CONTEXT: ExportContext = {
  facility: { code: DEMO_FACILITY_CODE, name: 'Trung tâm Y tế khu vực Bát Xát (demo)' },
  loincOf: (code) => LOINC.get(code) ?? '',
  staffName: (id) => STAFF_NAMES.get(id) ?? '',
};
