import { map, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import { encounterProblems } from '../../shared/clinical/clinical-problems';
import { episodeKeyOf, type EncounterDocument } from '../../shared/clinical/encounter-document';
import type { Allergy, ObservationDocument, VitalSigns } from '../../shared/clinical/observation-document';
import { vitalSignsProblems } from '../../shared/clinical/vital-signs';
import type { PatientDocument } from '../../shared/patient/patient-document';
import type { SenDatabase } from '../db/collections';
import type { DocumentWriter } from '../db/document-writer';
import {
  conclusionProblems,
  diagnosesFromChoices,
  diagnosisListProblems,
  localIsoDate,
  nextQueueNumber,
  normalisedConclusion,
  sortQueue,
  type Conclusion,
  callDecision,
  type DiagnosisChoice,
  type DiagnosisEdit,
  type Icd10Entry,
} from './visit-rules';
import { newAuthorship } from '../../shared/clinical/common-fields';
import { encounterRestore } from './encounter-lost-values';
import { resolveVersions } from '../../shared/clinical/version-chain';

export interface DeviceIdentity {
  deviceId: string;
  facilityCode: string;
}

/** The catalog lookups the visit needs (CatalogRepository has them). */
export interface Icd10Lookup {
  entry(kind: 'icd10', code: string): Promise<Icd10Entry | null>;
}

export type EncounterResult = { ok: true; encounter: EncounterDocument } | { ok: false; problems: ClinicalProblem[] };
export type VitalsResult = { ok: true; observation: ObservationDocument } | { ok: false; problems: ClinicalProblem[] };

export interface VisitNotes {
  reason: string;
  history: string;
  examination: string;
}

/** The body of a stored document: the sync envelope stays in the database layer. */
function bodyOf<T>(stored: T & { syncMeta?: unknown }): T {
  const { syncMeta: _envelope, ...body } = stored;
  return body as T;
}

/** A diagnosis edit overtaken by a code sync brought in (editDiagnoses looks it up and runs again). */
const DIAGNOSES_OVERTAKEN = 'diagnoses-overtaken';

const problem = (field: string, code: string): { ok: false; problems: ClinicalProblem[] } => ({
  ok: false,
  problems: [{ field, code }],
});

/**
 * Visits (encounters) and the vital signs taken in them: the only way the visit screens read or
 * write them. Every write goes through the DocumentWriter, signed as the logged-in user; the
 * server checks the same permissions again (shared/clinical/clinical-authorization.ts).
 */
export class EncountersRepository {
  /** This PC's diagnosis edits, one after the other (editDiagnoses). */
  private diagnosisEdits: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    private readonly device: DeviceIdentity,
    private readonly catalog: Icd10Lookup,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Today's date on this PC's calendar: the day whose queue reception fills. */
  today(): string {
    return localIsoDate(this.now());
  }

  /**
   * Sends a patient to a room: a waiting visit with the next number of that room today as this
   * PC knows it. A patient already waiting or being examined today is not queued twice.
   */
  async queue(patient: PatientDocument, departmentCode: string, roomCode: string): Promise<EncounterResult> {
    if (departmentCode === '' || roomCode === '') return problem('roomCode', 'room-required');
    // A record merged into another at the province keeps its past visits; new ones go to the primary.
    if (patient.mergedInto !== undefined) return problem('patientId', 'patient-merged');
    const queueDate = this.today();
    const open = (await this.ofPatient(patient.id)).find(
      (visit) => visit.queueDate === queueDate && (visit.status === 'waiting' || visit.status === 'in-progress'),
    );
    if (open) return problem('patientId', 'already-in-queue');
    const sameRoom = await this.database.encounters.find({ selector: { roomCode, queueDate } }).exec();
    const id = uuidv7();
    const at = this.now().toISOString();
    const author = this.writer.author();
    const encounter: EncounterDocument = {
      id,
      facilityCode: this.device.facilityCode,
      patientId: patient.id,
      kind: 'outpatient',
      episodeKey: episodeKeyOf(this.device.facilityCode, id),
      departmentCode,
      roomCode,
      queueDate,
      queueNumber: nextQueueNumber(sameRoom),
      status: 'waiting',
      queuedAt: at,
      queuedBy: author,
      calledAt: '',
      doctorId: '',
      reason: '',
      history: '',
      examination: '',
      diagnoses: [],
      disposition: '',
      followUpDate: '',
      advice: '',
      finishedAt: '',
      ...newAuthorship(at, this.device.deviceId, author),
    };
    await this.writer.insert('encounters', encounter);
    return { ok: true, encounter };
  }

  /**
   * The doctor calls the patient in: the visit is theirs from now on. Opening it again is fine;
   * a visit another doctor called is not taken (`called-by-other`, field `doctorId`): the screen
   * says who and when, and only takeOver makes it this doctor's.
   */
  call(id: string): Promise<EncounterResult> {
    const me = this.writer.author();
    return this.change(id, (visit) => {
      const decision = callDecision(visit, me);
      switch (decision.kind) {
        case 'mine':
          return visit;
        case 'called-by-other':
          return { field: 'doctorId', code: 'called-by-other' };
        case 'closed':
          return `visit-${visit.status}`;
        case 'call':
          return { ...visit, status: 'in-progress', doctorId: me, calledAt: this.now().toISOString() };
      }
    });
  }

  /**
   * This doctor takes over a visit another doctor called (asked for on the screen): the visit's
   * new version names them, signed by them, so the record keeps who took it over and when.
   */
  takeOver(id: string): Promise<EncounterResult> {
    const me = this.writer.author();
    return this.change(id, (visit) => {
      if (visit.status !== 'in-progress') return `visit-${visit.status}`;
      if (visit.doctorId === me) return visit;
      return { ...visit, doctorId: me, calledAt: this.now().toISOString() };
    });
  }

  /** A patient who left before being examined; kept, never deleted. */
  cancel(id: string): Promise<EncounterResult> {
    return this.change(id, (visit) => {
      if (visit.status !== 'waiting') return `visit-${visit.status}`;
      return { ...visit, status: 'cancelled' };
    });
  }

  /**
   * Writes the note fields given, and only those: a field this screen did not touch keeps what
   * another PC wrote (the nurse's reason arriving while the doctor types the examination).
   */
  saveNotes(id: string, notes: Partial<VisitNotes>): Promise<EncounterResult> {
    const changes = Object.fromEntries(
      Object.entries(notes).map(([field, text]) => [field, text.normalize('NFC')]),
    ) as Partial<VisitNotes>;
    return this.change(id, (visit) => {
      // A nurse writes the reason for the visit while the patient waits: open visits take notes.
      if (visit.status !== 'in-progress' && visit.status !== 'waiting') return `visit-${visit.status}`;
      const unchanged = Object.entries(changes).every(([field, text]) => visit[field as keyof VisitNotes] === text);
      return unchanged ? visit : { ...visit, ...changes };
    });
  }

  /**
   * Puts back a value of this visit or stay that lost a merge (encounter-lost-values.ts), as the
   * ordinary edit of its section: the same rules hold, and the server settles the lost value
   * when the field is written again.
   */
  restoreLostValue(id: string, field: string, value: unknown): Promise<EncounterResult> {
    const restore = encounterRestore(field, value);
    if (!restore) return Promise.resolve(problem(field, 'not-restorable'));
    return restore.kind === 'notes' ? this.saveNotes(id, restore.notes) : this.saveDiagnoses(id, restore.choices);
  }

  /**
   * The visit's diagnoses, as a whole list: each code must be in the ICD-10 catalog in force,
   * fit the patient's sex, and the primary one be allowed as primary. Nothing is written when
   * any rule is broken.
   */
  saveDiagnoses(id: string, choices: readonly DiagnosisChoice[]): Promise<EncounterResult> {
    return this.editDiagnoses(id, () => [...choices]);
  }

  /**
   * One change of the diagnoses (add, make primary, remove: visit-rules.ts), applied to the list
   * as stored when it is written, never to the list a screen last showed: two quick picks in a
   * row both stay. Edits of this PC run one after the other; one that sync overtakes is applied
   * again to the newer list. The rules of saveDiagnoses hold on the result.
   */
  editDiagnoses(id: string, edit: DiagnosisEdit): Promise<EncounterResult> {
    const run = this.diagnosisEdits.then(async () => {
      // Sync may bring a code not looked up yet between the lookup and the write: looked up again.
      for (let attempt = 1; ; attempt++) {
        const result = await this.applyDiagnosisEdit(id, edit);
        const overtaken = !result.ok && result.problems.some((found) => found.code === DIAGNOSES_OVERTAKEN);
        if (!overtaken || attempt === 3) return result;
      }
    });
    this.diagnosisEdits = run.catch(() => undefined);
    return run;
  }

  private async applyDiagnosisEdit(id: string, edit: DiagnosisEdit): Promise<EncounterResult> {
    const visit = await this.get(id);
    if (!visit) return problem('id', 'visit-not-found');
    const patient = await this.database.patients.findOne(visit.patientId).exec();
    if (!patient) return problem('patientId', 'patient-not-found');
    const choicesOf = (stored: EncounterDocument): DiagnosisChoice[] =>
      stored.diagnoses.map(({ code, primary }) => ({ code, primary }));
    const entries = new Map<string, Icd10Entry>();
    for (const choice of [...choicesOf(visit), ...edit(choicesOf(visit))]) {
      if (entries.has(choice.code)) continue;
      const entry = await this.catalog.entry('icd10', choice.code);
      if (entry) entries.set(choice.code, entry);
    }
    const problems = diagnosisListProblems(edit(choicesOf(visit)), entries, patient.sex);
    if (problems.length > 0) return { ok: false, problems };
    return this.change(id, (current) => {
      if (current.status !== 'in-progress') return `visit-${current.status}`;
      const choices = edit(choicesOf(current));
      if (choices.some((choice) => !entries.has(choice.code))) return DIAGNOSES_OVERTAKEN;
      const found = diagnosisListProblems(choices, entries, patient.sex)[0];
      return found ?? { ...current, diagnoses: diagnosesFromChoices(choices, entries) };
    });
  }

  /** Ends the visit: a primary diagnosis and a disposition are required; it is read only after. */
  conclude(id: string, conclusion: Conclusion): Promise<EncounterResult> {
    const today = this.today();
    const problems = conclusionProblems(conclusion, today);
    if (problems.length > 0) return Promise.resolve({ ok: false, problems });
    const clean = normalisedConclusion(conclusion);
    return this.change(id, (visit) => {
      if (visit.status !== 'in-progress') return `visit-${visit.status}`;
      const finished: EncounterDocument = {
        ...visit,
        ...clean,
        status: 'finished',
        finishedAt: this.now().toISOString(),
      };
      return encounterProblems(finished)[0] ?? finished;
    });
  }

  /**
   * One set of vital signs taken in the visit, while it is open. Implausible values are refused
   * (vital-signs.ts); abnormal ones are recorded and flagged where shown; BMI is never stored.
   */
  async saveVitals(encounter: EncounterDocument, vitals: VitalSigns): Promise<VitalsResult> {
    if (encounter.status === 'finished' || encounter.status === 'cancelled')
      return problem('vitals', `visit-${encounter.status}`);
    const problems = vitalSignsProblems(vitals);
    if (problems.length > 0) return { ok: false, problems };
    const at = this.now().toISOString();
    const author = this.writer.author();
    const observation: ObservationDocument = {
      id: uuidv7(),
      facilityCode: encounter.facilityCode,
      patientId: encounter.patientId,
      encounterId: encounter.id,
      orderId: '',
      kind: 'vital-signs',
      code: 'vital-signs',
      recordedAt: at,
      vitals,
      lab: null,
      allergy: null,
      note: '',
      ...newAuthorship(at, this.device.deviceId, author),
    };
    await this.writer.insert('observations', observation);
    return { ok: true, observation };
  }

  async get(id: string): Promise<EncounterDocument | null> {
    const found = await this.database.encounters.findOne(id).exec();
    return found ? bodyOf<EncounterDocument>(found.toMutableJSON()) : null;
  }

  private async ofPatient(patientId: string): Promise<EncounterDocument[]> {
    const found = await this.database.encounters.find({ selector: { patientId } }).exec();
    return found.map((document) => bodyOf<EncounterDocument>(document.toMutableJSON()));
  }

  /** A room's queue of a day, in calling order (visit-rules.ts), live as sync brings changes. */
  roomQueue$(roomCode: string, queueDate: string): Observable<EncounterDocument[]> {
    return this.database.encounters.find({ selector: { roomCode, queueDate } }).$.pipe(
      // An amended visit is one patient in the queue: the version in force stands for it.
      map((documents) =>
        sortQueue(
          resolveVersions(documents.map((document) => bodyOf<EncounterDocument>(document.toMutableJSON()))).current,
        ),
      ),
    );
  }

  byId$(id: string): Observable<EncounterDocument | null> {
    return this.database.encounters
      .findOne(id)
      .$.pipe(map((document) => (document ? bodyOf<EncounterDocument>(document.toMutableJSON()) : null)));
  }

  /** A patient's visits, the newest day first. */
  ofPatient$(patientId: string): Observable<EncounterDocument[]> {
    return this.database.encounters
      .find({ selector: { patientId } })
      .$.pipe(
        map((documents) =>
          documents
            .map((document) => bodyOf<EncounterDocument>(document.toMutableJSON()))
            .sort((a, b) => b.queueDate.localeCompare(a.queueDate) || b.queueNumber - a.queueNumber),
        ),
      );
  }

  /** The newest vital signs of the visit, or null before any were taken. */
  latestVitals$(encounter: Pick<EncounterDocument, 'id' | 'patientId'>): Observable<ObservationDocument | null> {
    // Only the patient and time are in clear (indexed); the visit is matched after decryption.
    return this.observationsOf$(encounter.patientId).pipe(
      map(
        (observations) =>
          observations
            .filter((observation) => observation.kind === 'vital-signs' && observation.encounterId === encounter.id)
            .at(-1) ?? null,
      ),
    );
  }

  /** The patient's active allergies, for the banner. */
  activeAllergies$(patientId: string): Observable<Allergy[]> {
    return this.observationsOf$(patientId).pipe(
      map((observations) =>
        observations.flatMap((observation) =>
          observation.kind === 'allergy' && observation.allergy?.active ? [observation.allergy] : [],
        ),
      ),
    );
  }

  private observationsOf$(patientId: string): Observable<ObservationDocument[]> {
    return this.database.observations
      .find({ selector: { patientId }, sort: [{ recordedAt: 'asc' }] })
      .$.pipe(map((documents) => documents.map((document) => bodyOf<ObservationDocument>(document.toMutableJSON()))));
  }

  /**
   * One change of a visit: `edit` returns the next version, the same object for no change, or a
   * problem code (a string, or a ClinicalProblem). Stamped with who and when.
   */
  private async change(
    id: string,
    edit: (visit: EncounterDocument) => EncounterDocument | ClinicalProblem | string,
  ): Promise<EncounterResult> {
    const current = await this.get(id);
    if (!current) return problem('id', 'visit-not-found');
    const first = edit(current);
    if (typeof first === 'string') return problem('status', first);
    if (!('id' in first)) return { ok: false, problems: [first] };
    if (first === current) return { ok: true, encounter: current };
    const updatedAt = this.now().toISOString();
    const updatedBy = this.writer.author();
    try {
      const written = await this.writer.update('encounters', id, (stored) => {
        // Runs again on the newest version if sync wrote in between: the rules hold on that one.
        const next = edit(stored);
        if (typeof next === 'string') throw new RefusedChange({ field: 'status', code: next });
        if (!('id' in next)) throw new RefusedChange(next);
        return { ...next, updatedAt, updatedBy };
      });
      if (!written) return problem('id', 'visit-not-found');
      return { ok: true, encounter: bodyOf<EncounterDocument>(written) };
    } catch (error) {
      if (error instanceof RefusedChange) return { ok: false, problems: [error.problem] };
      throw error;
    }
  }
}

/** Aborts a write whose rules fail on the version found in the database. */
class RefusedChange extends Error {
  constructor(readonly problem: ClinicalProblem) {
    super(problem.code);
  }
}
