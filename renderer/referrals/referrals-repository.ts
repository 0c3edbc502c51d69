import { map, type Observable } from 'rxjs';
import { v7 as uuidv7 } from 'uuid';
import type { CatalogEntryOf } from '../../shared/catalog/catalog-entry';
import type { Diagnosis } from '../../shared/clinical/common-fields';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { ObservationDocument } from '../../shared/clinical/observation-document';
import type { PatientDocument } from '../../shared/patient/patient-document';
import { formFromPatient } from '../../shared/patient/registration-form';
import type { PossibleDuplicate } from '../../shared/patient/possible-duplicates';
import {
  MAX_REFERRAL_RESULTS,
  type CarriedResult,
  type ReferralDocument,
} from '../../shared/referral/referral-document';
import { referralProblems } from '../../shared/referral/referral-rules';
import type { SenDatabase, Stored } from '../db/collections';
import type { DocumentWriter } from '../db/document-writer';
import type { DeviceIdentity, PatientsRepository } from '../patients/patients-repository';
import type { EarlierResult } from '../orders/repeat-window';
import {
  carriableResults,
  carriedEarlierResults,
  findingsText,
  mayAnswer,
  mayReportOutcome,
  mayWithdraw,
  incomingOrder,
  patientFromReferral,
  referralFormProblems,
  referralPatientOf,
  samePersonAmong,
  type ReferralProblem,
} from './referral-content';

export type FacilityEntry = CatalogEntryOf<'facility'>;

/** What the sending doctor fills in; the patient block is taken from the record. */
export interface ReferralInput {
  toFacilityCode: string;
  reason: string;
  findings: string;
  diagnoses: Diagnosis[];
  /** The lab results picked to travel with it (from the draft's `availableResults`). */
  results: CarriedResult[];
  /** Anything else done, typed. */
  testsDone: string;
  treatmentGiven: string;
  conditionAtTransfer: string;
  transport: string;
  accompanyingStaff: string;
}

/** A referral form prefilled from a visit or a stay. */
export interface ReferralDraft {
  patient: PatientDocument;
  input: ReferralInput;
  /** The patient's lab results at this facility, newest first: what the form offers to carry. */
  availableResults: CarriedResult[];
}

export type ReferralResult = { ok: true; referral: ReferralDocument } | { ok: false; problems: ReferralProblem[] };

/** Accepting: done, or the registered patients it may be, for the receiver to choose. */
export type AcceptResult =
  | { ok: true; referral: ReferralDocument; patientId: string; linked: boolean }
  | { ok: false; problems: ReferralProblem[]; duplicates?: PossibleDuplicate[] };

export interface AcceptOptions {
  /** The registered patient the receiver says this is (one of the possible duplicates). */
  linkTo?: string;
  /** The receiver has seen the possible duplicates and says this is another person. */
  confirmedDistinct?: boolean;
  /** Whether the user may register a patient (reception may; a doctor only links). */
  mayRegister?: boolean;
}

export type ReferralOutcome = Exclude<ReferralDocument['outcome'], ''>;

function withoutEnvelope<T extends object>(stored: Stored<T>): T {
  const { syncMeta: _envelope, ...body } = stored;
  return body as T;
}

function bodyOf<T extends object>(document: { toMutableJSON(): Stored<T> }): T {
  return withoutEnvelope(document.toMutableJSON());
}

const problem = (field: string, code: string): { ok: false; problems: ReferralProblem[] } => ({
  ok: false,
  problems: [{ field, code }],
});

/**
 * Referrals sent from this facility and to it: the only way the UI reads or writes them. Each
 * side writes only its own fields (the server refuses the other's); every write is made, and
 * signed, as the logged-in user.
 */
export class ReferralsRepository {
  constructor(
    private readonly database: SenDatabase,
    private readonly writer: DocumentWriter,
    private readonly patients: PatientsRepository,
    private readonly catalog: {
      all(kind: 'facility'): Promise<FacilityEntry[]>;
      entry(kind: 'facility', code: string): Promise<FacilityEntry | null>;
    },
    private readonly device: DeviceIdentity,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get facilityCode(): string {
    return this.device.facilityCode;
  }

  /** Facilities a patient may be referred to: every other one of the province's catalog. */
  async destinations(): Promise<FacilityEntry[]> {
    return (await this.catalog.all('facility')).filter((facility) => facility.code !== this.device.facilityCode);
  }

  facility(code: string): Promise<FacilityEntry | null> {
    return this.catalog.entry('facility', code);
  }

  /**
   * The form prefilled from a visit or a stay: its diagnoses, what was found, and the lab results
   * of the visit (of a stay: since the admission day).
   */
  async draftFrom(encounterId: string): Promise<ReferralDraft | null> {
    const found = await this.database.encounters.findOne(encounterId).exec();
    if (!found) return null;
    const encounter = bodyOf<EncounterDocument>(found);
    const patient = await this.patients.get(encounter.patientId);
    if (!patient) return null;
    const observations = (
      await this.database.observations
        .find({ selector: { patientId: patient.id }, sort: [{ recordedAt: 'asc' }] })
        .exec()
    ).map((document) => bodyOf<ObservationDocument>(document));
    const { available, picked } = carriableResults(
      observations,
      this.device.facilityCode,
      (observation) =>
        encounter.kind === 'inpatient'
          ? observation.recordedAt.slice(0, 10) >= encounter.queueDate
          : observation.encounterId === encounter.id,
      MAX_REFERRAL_RESULTS,
    );
    return {
      patient,
      availableResults: available,
      input: {
        toFacilityCode: '',
        reason: '',
        findings: findingsText(encounter),
        diagnoses: encounter.diagnoses.map((diagnosis) => ({ ...diagnosis, name: diagnosis.name.slice(0, 300) })),
        results: available.filter((result) => picked.includes(result.observationId)),
        testsDone: '',
        treatmentGiven: '',
        conditionAtTransfer: '',
        transport: '',
        accompanyingStaff: '',
      },
    };
  }

  /** Sends a referral of the patient: written here, pushed to the receiving facility by sync. */
  async send(patient: PatientDocument, input: ReferralInput): Promise<ReferralResult> {
    const formProblems = referralFormProblems(input, this.device.facilityCode);
    if (formProblems.length > 0) return { ok: false, problems: formProblems };
    const now = this.now().toISOString();
    const author = this.writer.author();
    const referral: ReferralDocument = {
      id: uuidv7(),
      fromFacilityCode: this.device.facilityCode,
      toFacilityCode: input.toFacilityCode,
      patientId: patient.id,
      patient: referralPatientOf(patient),
      reason: input.reason.trim(),
      findings: input.findings.trim(),
      diagnoses: input.diagnoses,
      results: input.results,
      testsDone: input.testsDone.trim(),
      treatmentGiven: input.treatmentGiven.trim(),
      conditionAtTransfer: input.conditionAtTransfer.trim(),
      transport: input.transport.trim(),
      accompanyingStaff: input.accompanyingStaff.trim(),
      senderStatus: 'sent',
      receiverStatus: 'pending',
      receiverPatientId: '',
      receiverNote: '',
      outcome: '',
      outcomeSummary: '',
      createdAt: now,
      updatedAt: now,
      createdBy: author,
      updatedBy: author,
    };
    const problems = referralProblems(referral);
    if (problems.length > 0) return { ok: false, problems };
    await this.writer.insert('referrals', referral);
    return { ok: true, referral };
  }

  /** The sender takes a referral back before the receiver acted on it. */
  withdraw(id: string): Promise<ReferralResult> {
    return this.change(id, 'sender', mayWithdraw, () => ({ senderStatus: 'cancelled' }));
  }

  /** The receiver declines, saying why. */
  decline(id: string, note: string): Promise<ReferralResult> {
    if (note.trim() === '') return Promise.resolve(problem('receiverNote', 'required'));
    return this.change(id, 'receiver', mayAnswer, () => ({ receiverStatus: 'declined', receiverNote: note.trim() }));
  }

  /** The receiver reports how it ended: the loop is closed. */
  reportOutcome(id: string, outcome: ReferralOutcome, summary: string): Promise<ReferralResult> {
    if (summary.trim() === '') return Promise.resolve(problem('outcomeSummary', 'required'));
    return this.change(id, 'receiver', mayReportOutcome, () => ({
      receiverStatus: 'completed',
      outcome,
      outcomeSummary: summary.trim(),
    }));
  }

  /**
   * The receiver takes the patient in: linked to the patient registered here with the same CCCD
   * or BHYT card (or the one the receiver picked), else registered from the referral's patient
   * block, with the registration's rules. Possible duplicates by name are handed back to choose.
   */
  async accept(id: string, options: AcceptOptions = {}): Promise<AcceptResult> {
    const referral = await this.get(id);
    if (!referral) return problem('id', 'referral-not-found');
    if (referral.toFacilityCode !== this.device.facilityCode) return problem('id', 'not-ours');
    if (!mayAnswer(referral)) return problem('receiverStatus', 'already-answered');
    let patientId = options.linkTo ?? '';
    let linked = patientId !== '';
    if (!linked) {
      const existing = samePersonAmong(referral.patient, await this.registeredMatches(referral));
      if (existing) {
        patientId = existing.id;
        linked = true;
      }
    }
    if (!linked && options.mayRegister === false) return problem('patient', 'needs-registrar');
    if (!linked) {
      const built = patientFromReferral(referral, {
        id: uuidv7(),
        patientCode: 'unused',
        facilityCode: this.device.facilityCode,
        deviceId: this.device.deviceId,
        userId: this.writer.author(),
        now: this.now().toISOString(),
      });
      if (!built) return problem('patient', 'patient-block-incomplete');
      const registered = await this.patients.register(formFromPatient(built), {
        confirmedDistinct: options.confirmedDistinct ?? false,
      });
      if (!registered.ok) {
        return {
          ok: false,
          problems: registered.problems.map((patientProblem) => ({
            field: patientProblem.field,
            code: patientProblem.code,
          })),
          ...(registered.duplicates ? { duplicates: registered.duplicates } : {}),
        };
      }
      patientId = registered.patient.id;
    }
    const answered = await this.change(id, 'receiver', mayAnswer, () => ({
      receiverStatus: 'accepted',
      receiverPatientId: patientId,
    }));
    return answered.ok ? { ok: true, referral: answered.referral, patientId, linked } : answered;
  }

  private async registeredMatches(referral: ReferralDocument): Promise<PatientDocument[]> {
    const matches: PatientDocument[] = [];
    if (referral.patient.cccd !== '') {
      const byCccd = await this.patients.findByCccd(referral.patient.cccd);
      if (byCccd) matches.push(byCccd);
    }
    if (referral.patient.bhyt !== '') {
      const byBhyt = await this.database.patients.find({ selector: { bhyt: referral.patient.bhyt } }).exec();
      matches.push(...byBhyt.map((document) => bodyOf<PatientDocument>(document)));
    }
    return matches;
  }

  /** One side's change of a referral, made only where that side stands and the step allows it. */
  private async change(
    id: string,
    side: 'sender' | 'receiver',
    allowed: (referral: ReferralDocument) => boolean,
    fields: () => Partial<ReferralDocument>,
  ): Promise<ReferralResult> {
    const current = await this.get(id);
    if (!current) return problem('id', 'referral-not-found');
    const ours = side === 'sender' ? current.fromFacilityCode : current.toFacilityCode;
    if (ours !== this.device.facilityCode) return problem('id', 'not-ours');
    if (!allowed(current)) return problem('receiverStatus', 'already-answered');
    const updatedAt = this.now().toISOString();
    const updatedBy = this.writer.author();
    const verdict = { refused: false };
    const written = await this.writer.update('referrals', id, (latest) => {
      // RxDB may run this again on a newer state (sync wrote meanwhile): judged again on it.
      verdict.refused = !allowed(latest);
      return verdict.refused ? latest : { ...latest, ...fields(), updatedAt, updatedBy };
    });
    if (!written) return problem('id', 'referral-not-found');
    if (verdict.refused) return problem('receiverStatus', 'already-answered');
    return { ok: true, referral: withoutEnvelope(written) };
  }

  async get(id: string): Promise<ReferralDocument | null> {
    const found = await this.database.referrals.findOne(id).exec();
    return found ? bodyOf<ReferralDocument>(found) : null;
  }

  byId$(id: string): Observable<ReferralDocument | null> {
    return this.database.referrals
      .findOne(id)
      .$.pipe(map((document) => (document ? bodyOf<ReferralDocument>(document) : null)));
  }

  /**
   * The lab results referrals to this facility carried for one of its patients: what the
   * repeat-test warning reads beside the results fetched from the province.
   */
  async carriedResults(patientId: string): Promise<EarlierResult[]> {
    if (patientId === '') return [];
    const referred = await this.database.referrals.find({ selector: { receiverPatientId: patientId } }).exec();
    const referrals = referred.map((document) => bodyOf<ReferralDocument>(document));
    const names = new Map<string, string>();
    for (const code of new Set(referrals.flatMap((referral) => (referral.results ?? []).map((r) => r.facilityCode))))
      names.set(code, (await this.catalog.entry('facility', code))?.name ?? code);
    return carriedEarlierResults(referrals, this.device.facilityCode, patientId, (code) => names.get(code) ?? code);
  }

  /** Referrals to this facility: those waiting for an answer first, then the newest. */
  incoming$(): Observable<ReferralDocument[]> {
    return this.database.referrals
      .find({ selector: { toFacilityCode: this.device.facilityCode }, sort: [{ createdAt: 'desc' }] })
      .$.pipe(map((documents) => incomingOrder(documents.map((document) => bodyOf<ReferralDocument>(document)))));
  }

  /** Referrals this facility sent, newest first. */
  outgoing$(): Observable<ReferralDocument[]> {
    return this.database.referrals
      .find({ selector: { fromFacilityCode: this.device.facilityCode }, sort: [{ createdAt: 'desc' }] })
      .$.pipe(map((documents) => documents.map((document) => bodyOf<ReferralDocument>(document))));
  }

  /** A patient's referrals, sent from here (their id here) or received here (linked on acceptance). */
  ofPatient$(patientId: string): Observable<ReferralDocument[]> {
    return this.database.referrals
      .find({ selector: { $or: [{ patientId }, { receiverPatientId: patientId }] } })
      .$.pipe(
        map((documents) =>
          documents
            .map((document) => bodyOf<ReferralDocument>(document))
            .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
        ),
      );
  }
}
