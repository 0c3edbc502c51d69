import { describe, expect, it } from 'vitest';
import { departmentBoard, freeBeds, type PlacedStay } from '../../renderer/inpatient/bed-board';
import { dischargeProblems, type DischargeInput } from '../../renderer/inpatient/discharge-rules';
import type { Icd10Entry } from '../../renderer/visits/visit-rules';
import { encounterProblems } from '../../shared/clinical/clinical-problems';
import { daysInHospital, dischargePaperData } from '../../shared/clinical/discharge-paper';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import { INPATIENT_ROOM_CODE } from '../../shared/clinical/inpatient-stay';
import type { DischargePart, NoteDocument } from '../../shared/clinical/note-document';
import { noteProblems } from '../../shared/clinical/note-problems';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { stayLocation, type TransferRecord } from '../../shared/clinical/stay-location';
import { catalogEntryFixture, ICD_ANY } from '../helpers/catalog-fixtures';

const placed = (stayId: string, bed: string, admittedOn: string, transfers: TransferRecord[] = []): PlacedStay => ({
  stayId,
  patientId: `p-${stayId}`,
  admittedOn,
  location: stayLocation({ departmentCode: 'KNOI', bed }, transfers),
});

describe('the bed board of a department, from the active stays', () => {
  it('shows each bed, who lies in it, the days in hospital and the free beds', () => {
    const board = departmentBoard(
      'KNOI',
      4,
      [placed('a', 'G02', '2026-12-01'), placed('b', 'G04', '2026-12-03')],
      '2026-12-03',
    );
    expect(board.beds.map((cell) => [cell.bed, cell.occupants.map((o) => [o.stayId, o.days])])).toEqual([
      ['G01', []],
      ['G02', [['a', 3]]],
      ['G03', []],
      ['G04', [['b', 1]]],
    ]);
    expect([board.free, board.occupied]).toEqual([2, 2]);
    expect(freeBeds(board)).toEqual(['G01', 'G03']);
  });

  it('shows both patients two PCs put in the same bed at once, marked as a clash', () => {
    const board = departmentBoard(
      'KNOI',
      2,
      [placed('b', 'G01', '2026-12-02'), placed('a', 'G01', '2026-12-01')],
      '2026-12-03',
    );
    const bed = board.beds[0];
    expect(bed?.clash).toBe(true);
    expect(bed?.occupants.map((occupant) => occupant.stayId)).toEqual(['a', 'b']);
    expect(freeBeds(board)).toEqual(['G02']);
  });

  it('places a moved patient in the new bed, flags moves made at once, and keeps a bed the catalog dropped', () => {
    const from = { departmentCode: 'KNOI', bed: 'G01' };
    const moves: TransferRecord[] = [
      {
        id: 'm1',
        transfer: { from, to: { departmentCode: 'KNOI', bed: 'G02' }, after: [], movedAt: '2026-12-03T08:00Z' },
      },
      {
        id: 'm2',
        transfer: { from, to: { departmentCode: 'KNGOAI', bed: 'G01' }, after: [], movedAt: '2026-12-03T08:01Z' },
      },
    ];
    const stays = [placed('a', 'G01', '2026-12-01', moves), placed('c', 'G09', '2026-12-01')];
    const internal = departmentBoard('KNOI', 2, stays, '2026-12-03');
    expect(internal.beds.map((cell) => [cell.bed, cell.occupants.length, cell.outsideCatalog])).toEqual([
      ['G01', 0, false],
      ['G02', 0, false],
      ['G09', 1, true],
    ]);
    const surgery = departmentBoard('KNGOAI', 1, stays, '2026-12-03');
    expect(surgery.beds[0]?.occupants[0]).toMatchObject({ stayId: 'a', movedTwiceAtOnce: true });
  });

  it('counts days as insurance does: the same day is one day', () => {
    expect(daysInHospital('2026-12-03', '2026-12-03')).toBe(1);
    expect(daysInHospital('2026-11-28', '2026-12-03')).toBe(6);
  });
});

describe('a discharge summary', () => {
  const entries = new Map<string, Icd10Entry>(
    [
      catalogEntryFixture('icd10', 'J18.9', 'Viêm phổi, không đặc hiệu', ICD_ANY),
      catalogEntryFixture('icd10', 'N40', 'Tăng sản tuyến tiền liệt', { ...ICD_ANY, category: 'N40', sex: 'male' }),
    ].map((entry) => [entry.code, entry as Icd10Entry]),
  );
  const valid: DischargeInput = {
    diagnoses: [{ code: 'J18.9', primary: true }],
    treatment: 'Kháng sinh tĩnh mạch 7 ngày',
    condition: 'improved',
    followUpDate: '2026-12-10',
    followUp: 'Tái khám tại khoa Nội',
    advice: 'Uống đủ nước',
  };
  const codes = (input: Partial<DischargeInput>, sex: 'male' | 'female' = 'female') =>
    dischargeProblems({ ...valid, ...input }, entries, sex, '2026-12-03').map((problem) => problem.code);

  it('accepts diagnoses by the ICD-10 rules, the treatment, the condition and a later follow-up', () => {
    expect(codes({})).toEqual([]);
    expect(codes({ followUpDate: '' })).toEqual([]);
  });

  it('refuses what the paper cannot be made from, saying why', () => {
    expect(codes({ diagnoses: [] })).toEqual(['discharge-diagnosis-required']);
    expect(codes({ diagnoses: [{ code: 'J18.9', primary: false }] })).toEqual(['primary-diagnosis-required']);
    expect(codes({ diagnoses: [{ code: 'N40', primary: true }] })).toEqual(['wrong-sex']);
    expect(codes({ diagnoses: [{ code: 'N40', primary: true }] }, 'male')).toEqual([]);
    expect(codes({ diagnoses: [{ code: 'Z99.9', primary: true }] })).toEqual(['unknown-code']);
    expect(codes({ treatment: '  ' })).toEqual(['treatment-required']);
    expect(codes({ condition: '' })).toEqual(['condition-required']);
    expect(codes({ followUpDate: '2026-12-03' })).toEqual(['follow-up-not-after-discharge']);
  });
});

describe("a stay's documents beyond their shape", () => {
  const diagnosis = { code: 'J18.9', name: 'Viêm phổi, không đặc hiệu', primary: true };
  const stay: EncounterDocument = {
    id: 'stay-1',
    facilityCode: '10010',
    patientId: 'patient-1',
    kind: 'inpatient',
    episodeKey: '10010.stay-1',
    departmentCode: 'KNOI',
    roomCode: INPATIENT_ROOM_CODE,
    queueDate: '2026-12-01',
    queueNumber: 1,
    status: 'finished',
    queuedAt: '2026-12-01T08:00:00Z',
    queuedBy: 'doctor-1',
    calledAt: '2026-12-01T08:00:00Z',
    doctorId: 'doctor-1',
    reason: '',
    history: '',
    examination: '',
    diagnoses: [diagnosis],
    disposition: 'home',
    followUpDate: '',
    advice: '',
    finishedAt: '2026-12-03T09:00:00Z',
    stay: {
      fromEncounterId: 'visit-1',
      admittedAt: '2026-12-01T08:00:00Z',
      admittedBy: 'doctor-1',
      location: { departmentCode: 'KNOI', bed: 'G01' },
      admittingDiagnoses: [diagnosis],
    },
    createdAt: '2026-12-01T08:00:00Z',
    updatedAt: '2026-12-03T09:00:00Z',
    createdByDeviceId: 'pc-1',
    createdBy: 'doctor-1',
    updatedBy: 'doctor-1',
  };
  const summary: NoteDocument = {
    id: 'note-1',
    facilityCode: '10010',
    patientId: 'patient-1',
    encounterId: 'stay-1',
    kind: 'discharge-summary',
    noteDate: '2026-12-03',
    writtenAt: '2026-12-03T09:00:00Z',
    text: '',
    progress: null,
    discharge: {
      dischargedAt: '2026-12-03T09:00:00Z',
      diagnoses: [diagnosis],
      treatment: 'Kháng sinh',
      condition: 'recovered',
      followUpDate: '2026-12-10',
      followUp: '',
      advice: 'Giữ ấm',
    },
    transfer: null,
    createdAt: '2026-12-03T09:00:00Z',
    updatedAt: '2026-12-03T09:00:00Z',
    createdByDeviceId: 'pc-1',
    createdBy: 'doctor-1',
    updatedBy: 'doctor-1',
  };

  it('holds a stay to its admission part, out of every queue', () => {
    expect(encounterProblems(stay)).toEqual([]);
    expect(encounterProblems({ ...stay, roomCode: 'KNOI' }).map((problem) => problem.code)).toEqual(['stay-in-a-room']);
    expect(encounterProblems({ ...stay, stay: undefined }).map((problem) => problem.code)).toEqual([
      'part-does-not-match-kind',
    ]);
  });

  it('holds a note to the part its kind names and that part to its rules', () => {
    expect(noteProblems(summary)).toEqual([]);
    expect(noteProblems({ ...summary, kind: 'progress' }).map((problem) => problem.code)).toEqual([
      'part-does-not-match-kind',
      'part-does-not-match-kind',
      'note-text-required',
    ]);
    const early = { ...summary, discharge: { ...(summary.discharge as DischargePart), followUpDate: '2026-12-03' } };
    expect(noteProblems(early).map((problem) => problem.code)).toEqual(['follow-up-not-after-discharge']);
  });

  it('gives the printing feature the discharge paper as plain data', () => {
    const patient = {
      id: 'patient-1',
      patientCode: 'BN0001',
      familyName: 'Hoàng',
      middleName: 'Văn',
      givenName: 'Sáng',
      dateOfBirth: '1959-02-12',
      sex: 'male',
      cccd: '',
      bhyt: 'DN4010123456789',
      address: { street: 'Thôn Bản Vược', wardCode: '02647', provinceCode: '15' },
    } as PatientDocument;
    const paper = dischargePaperData(
      stay,
      summary,
      patient,
      { code: '10010', name: 'Trung tâm Y tế khu vực Bát Xát' },
      { code: 'KNOI', name: 'Khoa Nội' },
      'BS. Nguyễn Văn Bác',
    );
    expect(paper).toMatchObject({
      patient: {
        fullName: 'Hoàng Văn Sáng',
        episodeKey: '10010.stay-1',
        bhyt: 'DN4010123456789',
        address: 'Thôn Bản Vược, Phường Lào Cai, Tỉnh Lào Cai',
      },
      stay: { days: 3, department: { name: 'Khoa Nội' }, admittedAt: '2026-12-01T08:00:00Z' },
      dischargeDiagnoses: [diagnosis],
      condition: 'recovered',
      followUpDate: '2026-12-10',
      signer: { staffId: 'doctor-1', displayName: 'BS. Nguyễn Văn Bác' },
      summaryNoteId: 'note-1',
    });
    expect(() =>
      dischargePaperData(
        stay,
        { ...summary, encounterId: 'other' },
        patient,
        paper.facility,
        paper.stay.department,
        '',
      ),
    ).toThrow();
  });
});
