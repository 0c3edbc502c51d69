import { describe, expect, it } from 'vitest';
import type { StaffDocument } from '../staff/staff-document';
import type { Role } from '../staff/roles';
import { authorizeEncounterWrite, authorizeObservationWrite, authorizeOrderWrite } from './clinical-authorization';
import { encounterProblems, observationProblems, orderProblems } from './clinical-problems';
import type { EncounterDocument } from './encounter-document';
import type { ObservationDocument } from './observation-document';
import type { OrderDocument } from './order-document';

const authorship = {
  createdAt: '2026-12-02T08:00:00.000Z',
  updatedAt: '2026-12-02T08:00:00.000Z',
  createdByDeviceId: 'pc-1',
  createdBy: 'clerk',
  updatedBy: 'clerk',
};
const visit: EncounterDocument = {
  id: 'e1',
  facilityCode: '10010',
  patientId: 'p1',
  kind: 'outpatient',
  episodeKey: '10010.e1',
  departmentCode: 'K01',
  roomCode: 'P101',
  queueDate: '2026-12-02',
  queueNumber: 3,
  status: 'waiting',
  queuedAt: authorship.createdAt,
  queuedBy: 'clerk',
  calledAt: '',
  doctorId: '',
  reason: 'Ho, sốt',
  history: '',
  examination: '',
  diagnoses: [],
  disposition: '',
  followUpDate: '',
  advice: '',
  finishedAt: '',
  ...authorship,
};
const wbc = { code: 'SEN-XN-001', name: 'Số lượng bạch cầu (WBC)', earlierResultId: '', repeatReason: '' };
const order: OrderDocument = {
  id: 'o1',
  facilityCode: '10010',
  patientId: 'p1',
  encounterId: 'e1',
  kind: 'lab',
  status: 'ordered',
  tests: [wbc],
  drugs: [],
  prescriptionCode: '',
  overriddenWarnings: [],
  note: '',
  orderedAt: authorship.createdAt,
  handledBy: '',
  completedAt: '',
  ...authorship,
  createdBy: 'doctor',
  updatedBy: 'doctor',
};
const measured = {
  pulse: 80,
  systolic: 120,
  diastolic: 80,
  temperature: 37,
  respiratoryRate: 18,
  spo2: 98,
  weightKg: 55,
  heightCm: 158,
};
const vitals: ObservationDocument = {
  id: 'v1',
  facilityCode: '10010',
  patientId: 'p1',
  encounterId: 'e1',
  orderId: '',
  kind: 'vital-signs',
  code: 'vital-signs',
  recordedAt: authorship.createdAt,
  vitals: measured,
  lab: null,
  allergy: null,
  note: '',
  ...authorship,
  createdBy: 'nurse',
  updatedBy: 'nurse',
};

const roles: Record<string, Role[]> = {
  clerk: ['registrar'],
  doctor: ['doctor'],
  nurse: ['nurse'],
  lab: ['lab-technician'],
  pharmacist: ['pharmacist'],
};
const staff = (id: string) => (roles[id] ? ({ id, roles: roles[id], active: true } as StaffDocument) : undefined);
function attempt<T extends object>(pushed: T, master?: T) {
  return {
    pushed: { ...pushed, _deleted: false },
    master: master && { ...master, _deleted: false },
    assumed: master && { ...master, _deleted: false },
    staff,
    writerFacility: '10010',
  };
}

describe('a visit', () => {
  it('is queued by reception, examined by a doctor, and diagnosed only with diagnosis.write', () => {
    expect(authorizeEncounterWrite(attempt(visit))).toBeNull();
    const moved = { ...visit, roomCode: 'P102', updatedBy: 'clerk' };
    expect(authorizeEncounterWrite(attempt(moved, visit))).toBeNull();
    const examinedByClerk = { ...visit, status: 'in-progress' as const, examination: 'Phổi ran ẩm' };
    expect(authorizeEncounterWrite(attempt(examinedByClerk, visit))).toBe('not-permitted');
    const called = { ...visit, status: 'in-progress' as const, doctorId: 'doctor', updatedBy: 'doctor' };
    expect(authorizeEncounterWrite(attempt(called, visit))).toBeNull();
    const diagnosedByNurse = {
      ...called,
      diagnoses: [{ code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true }],
      updatedBy: 'nurse',
    };
    expect(authorizeEncounterWrite(attempt(diagnosedByNurse, called))).toBe('not-permitted');
    expect(authorizeEncounterWrite(attempt({ ...diagnosedByNurse, updatedBy: 'doctor' }, called))).toBeNull();
  });

  it('is moved or cancelled while waiting only with visit.queue', () => {
    const cancelledByLab = { ...visit, status: 'cancelled' as const, updatedBy: 'lab' };
    expect(authorizeEncounterWrite(attempt(cancelledByLab, visit))).toBe('not-permitted');
    const movedByPharmacist = { ...visit, roomCode: 'P102', updatedBy: 'pharmacist' };
    expect(authorizeEncounterWrite(attempt(movedByPharmacist, visit))).toBe('not-permitted');
    expect(authorizeEncounterWrite(attempt({ ...cancelledByLab, updatedBy: 'nurse' }, visit))).toBeNull();
  });

  it('ends only with one primary diagnosis and a disposition; a follow-up needs a later date', () => {
    const finished = { ...visit, status: 'finished' as const };
    expect(encounterProblems(finished).map((problem) => problem.code)).toEqual([
      'primary-diagnosis-required',
      'disposition-required',
    ]);
    const followUp = {
      ...finished,
      diagnoses: [{ code: 'I10', name: 'Tăng huyết áp vô căn (nguyên phát)', primary: true }],
      disposition: 'follow-up' as const,
      followUpDate: '2026-12-01',
    };
    expect(encounterProblems(followUp).map((problem) => problem.code)).toEqual(['follow-up-not-after-visit']);
    expect(encounterProblems({ ...followUp, followUpDate: '2026-12-16' })).toEqual([]);
  });
});

describe('an order', () => {
  it('is made by a doctor and taken forward by the lab, which cannot change what was ordered', () => {
    expect(authorizeOrderWrite(attempt(order))).toBeNull();
    expect(authorizeOrderWrite(attempt({ ...order, createdBy: 'lab', updatedBy: 'lab' }))).toBe('not-permitted');
    const started = { ...order, status: 'in-progress' as const, handledBy: 'lab', updatedBy: 'lab' };
    expect(authorizeOrderWrite(attempt(started, order))).toBeNull();
    expect(authorizeOrderWrite(attempt({ ...started, tests: [] }, order))).toBe('not-permitted');
  });

  it('moves its status only forward: never back from completed, nothing after a cancellation', () => {
    const started: OrderDocument = { ...order, status: 'in-progress', handledBy: 'lab', updatedBy: 'lab' };
    const completed: OrderDocument = { ...started, status: 'completed', completedAt: '2026-12-02T09:00:00.000Z' };
    expect(authorizeOrderWrite(attempt(completed, started))).toBeNull();
    expect(authorizeOrderWrite(attempt({ ...completed, status: 'in-progress' }, completed))).toBe('not-permitted');
    expect(authorizeOrderWrite(attempt({ ...started, status: 'ordered' }, started))).toBe('not-permitted');
    const cancelled: OrderDocument = { ...order, status: 'cancelled' };
    expect(authorizeOrderWrite(attempt(cancelled, order))).toBeNull();
    expect(authorizeOrderWrite(attempt({ ...cancelled, status: 'ordered' }, cancelled))).toBe('not-permitted');
    // The lab completes offline an order the doctor has cancelled meanwhile on the server.
    const completedOffline = { pushed: { ...completed, _deleted: false }, assumed: { ...started, _deleted: false } };
    const master: OrderDocument & { _deleted: boolean } = {
      ...started,
      status: 'cancelled',
      updatedBy: 'doctor',
      _deleted: false,
    };
    expect(authorizeOrderWrite({ ...attempt(completed, started), ...completedOffline, master })).toBe('not-permitted');
    // A write that leaves the status as its device found it keeps the server's on merge.
    const noted = { pushed: { ...started, note: 'Mẫu tan máu', updatedBy: 'doctor', _deleted: false } };
    const masterCompleted = { ...completed, _deleted: false };
    expect(authorizeOrderWrite({ ...attempt(started, started), ...noted, master: masterCompleted })).toBeNull();
  });

  it('carries tests or drugs as its kind says, and a prescription its code', () => {
    expect(orderProblems(order)).toEqual([]);
    expect(orderProblems({ ...order, kind: 'prescription' }).map((problem) => problem.code)).toEqual([
      'no-drug',
      'tests-on-prescription',
      'prescription-code-invalid',
    ]);
    const repeated = { ...order, tests: [{ ...wbc, earlierResultId: 'r0' }] };
    expect(orderProblems(repeated).map((problem) => problem.code)).toEqual(['repeat-reason-required']);
  });
});

describe('an observation', () => {
  it('holds exactly the part its kind names, with plausible values', () => {
    expect(observationProblems(vitals)).toEqual([]);
    expect(observationProblems({ ...vitals, vitals: { ...measured, pulse: 900 } })).toEqual([
      { field: 'pulse', code: 'implausible' },
    ]);
    expect(observationProblems({ ...vitals, kind: 'lab-result', code: 'SEN-XN-001' }).map((p) => p.code)).toContain(
      'part-does-not-match-kind',
    );
  });

  it('is written by a nurse for vital signs and only by the lab for results', () => {
    expect(authorizeObservationWrite(attempt(vitals))).toBeNull();
    const result = { ...vitals, kind: 'lab-result' as const, createdBy: 'nurse', updatedBy: 'nurse' };
    expect(authorizeObservationWrite(attempt(result))).toBe('not-permitted');
    expect(authorizeObservationWrite(attempt({ ...result, createdBy: 'lab', updatedBy: 'lab' }))).toBeNull();
  });
});
