import { combineLatest, map, of, switchMap, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import type { CatalogEntryOf } from '../../shared/catalog/catalog-entry';
import { encounterProblems, type ClinicalProblem } from '../../shared/clinical/clinical-problems';
import { newAuthorship } from '../../shared/clinical/common-fields';
import { episodeKeyOf, type EncounterDocument } from '../../shared/clinical/encounter-document';
import { bedCodes, INPATIENT_ROOM_CODE, type BedLocation } from '../../shared/clinical/inpatient-stay';
import type { NoteDocument } from '../../shared/clinical/note-document';
import { noteProblems } from '../../shared/clinical/note-problems';
import { sameBed, stayLocation, type StayLocation, type TransferRecord } from '../../shared/clinical/stay-location';
import type { SenDatabase } from '../db/collections';
import type { DocumentWriter } from '../db/document-writer';
import type { DeviceIdentity } from '../visits/encounters-repository';
import {
  diagnosesFromChoices,
  diagnosisListProblems,
  localIsoDate,
  type DiagnosisChoice,
  type Icd10Entry,
} from '../visits/visit-rules';
import { bedTaken, type PlacedStay } from './bed-board';
import { dischargeProblems, type DischargeInput } from './discharge-rules';

export type DepartmentEntry = CatalogEntryOf<'department'>;

/** The catalog lookups a stay needs (CatalogRepository has them). */
export interface InpatientCatalog {
  entry(kind: 'icd10', code: string): Promise<Icd10Entry | null>;
  all(kind: 'department'): Promise<DepartmentEntry[]>;
}

export interface AdmissionInput {
  departmentCode: string;
  bed: string;
  diagnoses: DiagnosisChoice[];
}

export interface TransferInput {
  departmentCode: string;
  bed: string;
  reason: string;
}

export interface ProgressInput {
  /** ISO date the note is about. */
  date: string;
  text: string;
  ordersSummary: string;
  /** The vital signs the note refers to, '' for none. */
  vitalsObservationId: string;
}

export type StayResult = { ok: true; stay: EncounterDocument } | { ok: false; problems: ClinicalProblem[] };
export type NoteResult = { ok: true; note: NoteDocument } | { ok: false; problems: ClinicalProblem[] };

/** An active stay with where its patient lies now. */
export interface ActiveStay extends PlacedStay {
  stay: EncounterDocument;
}

const refused = (field: string, code: string): { ok: false; problems: ClinicalProblem[] } => ({
  ok: false,
  problems: [{ field, code }],
});

function bodyOf<T>(stored: T & { syncMeta?: unknown }): T {
  const { syncMeta: _envelope, ...body } = stored;
  return body as T;
}

const transfersOf = (notes: readonly NoteDocument[]): TransferRecord[] =>
  notes.flatMap((note) => (note.transfer ? [{ id: note.id, transfer: note.transfer }] : []));

/** Newest day first, then the later written first. */
const newestFirst = (a: NoteDocument, b: NoteDocument): number =>
  b.noteDate.localeCompare(a.noteDate) || b.writtenAt.localeCompare(a.writtenAt) || b.id.localeCompare(a.id);

/**
 * Inpatient stays (encounters of kind `inpatient`) and their notes: admission from a visit,
 * transfers, daily progress notes, discharge; the only way the inpatient screens read or write
 * them. Every write goes through the DocumentWriter; the server checks the same permissions
 * (docs/decisions/0005-inpatient-stays.md).
 */
export class InpatientRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    private readonly device: DeviceIdentity,
    private readonly catalog: InpatientCatalog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  today(): string {
    return localIsoDate(this.now());
  }

  /** Departments that take admitted patients (a bed count in the catalog), by code. */
  async wards(): Promise<DepartmentEntry[]> {
    const all = await this.catalog.all('department');
    return all.filter((department) => (department.details.beds ?? 0) > 0).sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * Admits the patient of a visit concluded "admit": a stay in a free bed of a ward, with the
   * admitting diagnoses by the ICD-10 rules. A visit admits once; a patient has one active stay.
   */
  async admit(visitId: string, input: AdmissionInput): Promise<StayResult> {
    const visit = await this.encounter(visitId);
    if (!visit || visit.kind !== 'outpatient') return refused('visit', 'visit-not-found');
    if (visit.disposition !== 'admit') return refused('visit', 'visit-not-concluded-admit');
    const patient = await this.database.patients.findOne(visit.patientId).exec();
    if (!patient) return refused('patientId', 'patient-not-found');
    const active = await this.activeStaysNow();
    if (active.some((stay) => stay.patientId === visit.patientId || stay.stay.stay?.fromEncounterId === visitId))
      return refused('patientId', 'already-admitted');
    const ward = (await this.wards()).find((department) => department.code === input.departmentCode);
    if (!ward) return refused('departmentCode', 'ward-required');
    if (!bedCodes(ward.details.beds ?? 0).includes(input.bed)) return refused('bed', 'bed-required');
    const location: BedLocation = { departmentCode: input.departmentCode, bed: input.bed };
    if (bedTaken(active, location)) return refused('bed', 'bed-taken');
    const diagnosed = await this.diagnoses(input.diagnoses, patient.sex);
    if (!diagnosed.ok) return diagnosed;

    const id = uuidv7();
    const at = this.now().toISOString();
    const author = this.writer.author();
    const stay: EncounterDocument = {
      id,
      facilityCode: this.device.facilityCode,
      patientId: visit.patientId,
      kind: 'inpatient',
      episodeKey: episodeKeyOf(this.device.facilityCode, id),
      departmentCode: input.departmentCode,
      roomCode: INPATIENT_ROOM_CODE,
      queueDate: this.today(),
      queueNumber: 1,
      status: 'in-progress',
      queuedAt: at,
      queuedBy: author,
      calledAt: at,
      doctorId: author,
      reason: visit.reason,
      history: visit.history,
      examination: visit.examination,
      diagnoses: diagnosed.diagnoses,
      disposition: '',
      followUpDate: '',
      advice: '',
      finishedAt: '',
      stay: {
        fromEncounterId: visitId,
        admittedAt: at,
        admittedBy: author,
        location,
        admittingDiagnoses: diagnosed.diagnoses,
      },
      ...newAuthorship(at, this.device.deviceId, author),
    };
    const problems = encounterProblems(stay);
    if (problems.length > 0) return { ok: false, problems };
    await this.writer.insert('encounters', stay);
    return { ok: true, stay };
  }

  /**
   * Moves the patient to another bed (of the same or another ward). The move names the latest
   * moves this PC knows, so that a move made at once elsewhere is kept beside it, not lost.
   */
  async transfer(stayId: string, input: TransferInput): Promise<NoteResult> {
    const stay = await this.openStay(stayId);
    if (!stay.ok) return stay;
    const ward = (await this.wards()).find((department) => department.code === input.departmentCode);
    if (!ward) return refused('departmentCode', 'ward-required');
    if (!bedCodes(ward.details.beds ?? 0).includes(input.bed)) return refused('bed', 'bed-required');
    const to: BedLocation = { departmentCode: input.departmentCode, bed: input.bed };
    const location = await this.locationNow(stay.stay);
    if (sameBed(location.current, to)) return refused('bed', 'transfer-to-same-bed');
    if (bedTaken(await this.activeStaysNow(), to, stayId)) return refused('bed', 'bed-taken');
    const at = this.now().toISOString();
    return this.writeNote(stay.stay, {
      kind: 'transfer',
      text: input.reason.normalize('NFC').trim(),
      transfer: { from: location.current, to, after: location.latestIds, movedAt: at },
    });
  }

  /** The day's progress note of an open stay. */
  async addProgressNote(stayId: string, input: ProgressInput): Promise<NoteResult> {
    const stay = await this.openStay(stayId);
    if (!stay.ok) return stay;
    const text = input.text.normalize('NFC').trim();
    if (text === '') return refused('text', 'note-text-required');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date)) return refused('date', 'note-date-invalid');
    if (input.date < stay.stay.queueDate || input.date > this.today()) return refused('date', 'note-date-outside-stay');
    return this.writeNote(
      stay.stay,
      {
        kind: 'progress',
        text,
        progress: {
          vitalsObservationId: input.vitalsObservationId,
          ordersSummary: input.ordersSummary.normalize('NFC').trim(),
        },
      },
      input.date,
    );
  }

  /**
   * Discharges the patient: the discharge summary (a note, the paper's source) and the stay
   * finished with the diagnoses at discharge. Nothing is written when a rule is broken; the
   * stay is read only after.
   */
  async discharge(stayId: string, input: DischargeInput): Promise<NoteResult> {
    const stay = await this.openStay(stayId);
    if (!stay.ok) return stay;
    const patient = await this.database.patients.findOne(stay.stay.patientId).exec();
    if (!patient) return refused('patientId', 'patient-not-found');
    const entries = await this.icd10Entries(input.diagnoses);
    const today = this.today();
    const problems = dischargeProblems(input, entries, patient.sex, today);
    if (problems.length > 0) return { ok: false, problems };
    const diagnoses = diagnosesFromChoices(input.diagnoses, entries);
    const at = this.now().toISOString();
    const condition = input.condition === '' ? 'unchanged' : input.condition;
    const followUpDate = input.followUpDate;
    const advice = input.advice.normalize('NFC').trim();
    const finished: EncounterDocument = {
      ...stay.stay,
      status: 'finished',
      finishedAt: at,
      diagnoses,
      disposition: followUpDate === '' ? 'home' : 'follow-up',
      followUpDate,
      advice,
    };
    const stayProblems = encounterProblems(finished);
    if (stayProblems.length > 0) return { ok: false, problems: stayProblems };
    const written = await this.writeNote(stay.stay, {
      kind: 'discharge-summary',
      text: '',
      discharge: {
        dischargedAt: at,
        diagnoses,
        treatment: input.treatment.normalize('NFC').trim(),
        condition,
        followUpDate,
        followUp: input.followUp.normalize('NFC').trim(),
        advice,
      },
    });
    if (!written.ok) return written;
    const updatedBy = this.writer.author();
    await this.writer.update('encounters', stayId, (current) => ({
      ...current,
      status: 'finished' as const,
      finishedAt: at,
      diagnoses,
      disposition: finished.disposition,
      followUpDate,
      advice,
      updatedAt: at,
      updatedBy,
    }));
    return written;
  }

  async stay(id: string): Promise<EncounterDocument | null> {
    const found = await this.encounter(id);
    return found?.kind === 'inpatient' ? found : null;
  }

  /** The stay admitted from a visit, if any (on this PC). */
  async stayFromVisit(visitId: string): Promise<EncounterDocument | null> {
    const stays = await this.database.encounters.find({ selector: { roomCode: INPATIENT_ROOM_CODE } }).exec();
    return (
      stays
        .map((document) => bodyOf<EncounterDocument>(document.toMutableJSON()))
        .find((stay) => stay.stay?.fromEncounterId === visitId) ?? null
    );
  }

  stay$(id: string): Observable<EncounterDocument | null> {
    return this.database.encounters.findOne(id).$.pipe(
      map((document) => {
        const body = document ? bodyOf<EncounterDocument>(document.toMutableJSON()) : null;
        return body?.kind === 'inpatient' ? body : null;
      }),
    );
  }

  /** A stay's notes of every kind, the newest day first; live. */
  notes$(stayId: string): Observable<NoteDocument[]> {
    return this.database.notes
      .find({ selector: { encounterId: stayId } })
      .$.pipe(
        map((documents) =>
          documents.map((document) => bodyOf<NoteDocument>(document.toMutableJSON())).sort(newestFirst),
        ),
      );
  }

  /** Where a stay's patient lies, from its admission and transfer notes; live. */
  location$(stay: EncounterDocument): Observable<StayLocation | null> {
    const admitted = stay.stay?.location;
    if (!admitted) return of(null);
    return this.notes$(stay.id).pipe(map((notes) => stayLocation(admitted, transfersOf(notes))));
  }

  /** Every active stay of the facility with where it lies; live as sync brings stays and moves. */
  activeStays$(): Observable<ActiveStay[]> {
    const stays$ = this.database.encounters
      .find({ selector: { roomCode: INPATIENT_ROOM_CODE } })
      .$.pipe(
        map((documents) =>
          documents
            .map((document) => bodyOf<EncounterDocument>(document.toMutableJSON()))
            .filter((stay) => stay.status === 'in-progress' && stay.stay !== undefined),
        ),
      );
    return stays$.pipe(
      switchMap((stays) => {
        if (stays.length === 0) return of([]);
        const notes$ = this.database.notes.find({ selector: { encounterId: { $in: stays.map((stay) => stay.id) } } }).$;
        return combineLatest([of(stays), notes$]).pipe(
          map(([open, documents]) => {
            const notes = documents.map((document) => bodyOf<NoteDocument>(document.toMutableJSON()));
            return open.map((stay) =>
              this.placed(
                stay,
                notes.filter((note) => note.encounterId === stay.id),
              ),
            );
          }),
        );
      }),
    );
  }

  private placed(stay: EncounterDocument, notes: readonly NoteDocument[]): ActiveStay {
    const admitted = stay.stay?.location ?? { departmentCode: stay.departmentCode, bed: 'G01' };
    return {
      stay,
      stayId: stay.id,
      patientId: stay.patientId,
      admittedOn: stay.queueDate,
      location: stayLocation(admitted, transfersOf(notes)),
    };
  }

  private async activeStaysNow(): Promise<ActiveStay[]> {
    const stays = await this.database.encounters.find({ selector: { roomCode: INPATIENT_ROOM_CODE } }).exec();
    const open = stays
      .map((document) => bodyOf<EncounterDocument>(document.toMutableJSON()))
      .filter((stay) => stay.status === 'in-progress');
    if (open.length === 0) return [];
    const notes = await this.database.notes
      .find({ selector: { encounterId: { $in: open.map((stay) => stay.id) } } })
      .exec();
    const bodies = notes.map((document) => bodyOf<NoteDocument>(document.toMutableJSON()));
    return open.map((stay) =>
      this.placed(
        stay,
        bodies.filter((note) => note.encounterId === stay.id),
      ),
    );
  }

  private async locationNow(stay: EncounterDocument): Promise<StayLocation> {
    const notes = await this.database.notes.find({ selector: { encounterId: stay.id } }).exec();
    return this.placed(
      stay,
      notes.map((document) => bodyOf<NoteDocument>(document.toMutableJSON())),
    ).location;
  }

  private async encounter(id: string): Promise<EncounterDocument | null> {
    const found = await this.database.encounters.findOne(id).exec();
    return found ? bodyOf<EncounterDocument>(found.toMutableJSON()) : null;
  }

  private async openStay(
    id: string,
  ): Promise<{ ok: true; stay: EncounterDocument } | { ok: false; problems: ClinicalProblem[] }> {
    const stay = await this.stay(id);
    if (!stay) return refused('id', 'stay-not-found');
    if (stay.status !== 'in-progress') return refused('status', 'stay-finished');
    return { ok: true, stay };
  }

  private async icd10Entries(choices: readonly DiagnosisChoice[]): Promise<Map<string, Icd10Entry>> {
    const entries = new Map<string, Icd10Entry>();
    for (const choice of choices) {
      const entry = await this.catalog.entry('icd10', choice.code);
      if (entry) entries.set(choice.code, entry);
    }
    return entries;
  }

  private async diagnoses(
    choices: readonly DiagnosisChoice[],
    sex: 'male' | 'female',
  ): Promise<{ ok: true; diagnoses: EncounterDocument['diagnoses'] } | { ok: false; problems: ClinicalProblem[] }> {
    const entries = await this.icd10Entries(choices);
    const problems = diagnosisListProblems(choices, entries, sex);
    if (choices.length === 0 || !choices.some((choice) => choice.primary))
      problems.push({ field: 'diagnoses', code: 'primary-diagnosis-required' });
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, diagnoses: diagnosesFromChoices(choices, entries) };
  }

  private async writeNote(
    stay: EncounterDocument,
    part: Pick<NoteDocument, 'kind' | 'text'> & Partial<Pick<NoteDocument, 'progress' | 'discharge' | 'transfer'>>,
    noteDate = this.today(),
  ): Promise<NoteResult> {
    const at = this.now().toISOString();
    const note: NoteDocument = {
      id: uuidv7(),
      facilityCode: stay.facilityCode,
      patientId: stay.patientId,
      encounterId: stay.id,
      kind: part.kind,
      noteDate,
      writtenAt: at,
      text: part.text,
      progress: part.progress ?? null,
      discharge: part.discharge ?? null,
      transfer: part.transfer ?? null,
      ...newAuthorship(at, this.device.deviceId, this.writer.author()),
    };
    const problems = noteProblems(note);
    if (problems.length > 0) return { ok: false, problems };
    await this.writer.insert('notes', note);
    return { ok: true, note };
  }
}
