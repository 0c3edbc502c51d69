import type { CatalogEntryOf } from '../../shared/catalog/catalog-entry';
import { diagnosisProblem, type PatientSex } from '../../shared/catalog/icd10-rules';
import type { ClinicalProblem } from '../../shared/clinical/clinical-problems';
import type { Diagnosis } from '../../shared/clinical/common-fields';
import type { Disposition, EncounterDocument, EncounterStatus } from '../../shared/clinical/encounter-document';

/**
 * The visit feature's rules that need no database: a room's queue order, the next number a PC
 * issues, a conclusion's and a diagnosis list's problems. Pure, so each is unit-tested alone.
 */

/** Waiting patients first (those still to call), then who is being examined, then the done. */
const STATUS_ORDER: Readonly<Record<EncounterStatus, number>> = {
  waiting: 0,
  'in-progress': 1,
  finished: 2,
  cancelled: 3,
};

type Queued = Pick<EncounterDocument, 'id' | 'status' | 'queueNumber' | 'queuedAt'>;

/**
 * A room's queue as shown and called. Two PCs offline may both issue number 7: both stay in the
 * list, the one queued earlier first (the device clocks are only a tie-break, never the order of
 * record), and the id makes the order the same on every PC.
 */
export function sortQueue<T extends Queued>(encounters: readonly T[]): T[] {
  return [...encounters].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.queueNumber - b.queueNumber ||
      a.queuedAt.localeCompare(b.queuedAt) ||
      a.id.localeCompare(b.id),
  );
}

/** The patient to call next: the first waiting one in queue order, or null. */
export function nextToCall<T extends Queued>(encounters: readonly T[]): T | null {
  return sortQueue(encounters).find((encounter) => encounter.status === 'waiting') ?? null;
}

export const MAX_QUEUE_NUMBER = 9999;

/** The number after the highest this PC has seen in the room that day (cancelled ones count: a
 *  number once called out is not given to someone else). */
export function nextQueueNumber(sameRoomSameDay: readonly Pick<EncounterDocument, 'queueNumber'>[]): number {
  const highest = sameRoomSameDay.reduce((max, encounter) => Math.max(max, encounter.queueNumber), 0);
  return Math.min(highest + 1, MAX_QUEUE_NUMBER);
}

/** The local calendar date (the queue's day), yyyy-MM-dd: not UTC, which is 7 hours behind. */
export function localIsoDate(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface Conclusion {
  disposition: Disposition;
  followUpDate: string;
  advice: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Why a conclusion cannot be recorded: no disposition, a follow-up without a later date. */
export function conclusionProblems(conclusion: Conclusion, today: string): ClinicalProblem[] {
  const problems: ClinicalProblem[] = [];
  if (conclusion.disposition === '') problems.push({ field: 'disposition', code: 'disposition-required' });
  if (conclusion.disposition === 'follow-up') {
    if (conclusion.followUpDate === '') problems.push({ field: 'followUpDate', code: 'follow-up-date-required' });
    else if (!ISO_DATE.test(conclusion.followUpDate))
      problems.push({ field: 'followUpDate', code: 'follow-up-date-invalid' });
    else if (conclusion.followUpDate <= today)
      problems.push({ field: 'followUpDate', code: 'follow-up-not-after-today' });
  }
  if (conclusion.advice.length > 4000) problems.push({ field: 'advice', code: 'advice-too-long' });
  return problems;
}

/** A follow-up date belongs to a follow-up only: any other disposition clears it. */
export function normalisedConclusion(conclusion: Conclusion): Conclusion {
  return {
    disposition: conclusion.disposition,
    followUpDate: conclusion.disposition === 'follow-up' ? conclusion.followUpDate : '',
    advice: conclusion.advice.normalize('NFC').trim(),
  };
}

export type Icd10Entry = CatalogEntryOf<'icd10'>;

/** A diagnosis as the doctor chose it: the code and whether it is the primary one. */
export interface DiagnosisChoice {
  code: string;
  primary: boolean;
}

/**
 * Problems of a list of diagnoses for this patient, one per offending code (its field is the
 * code): a code not in the catalog in force, the wrong sex, a code not allowed as primary, and
 * for the list as a whole more than one primary or a code twice.
 */
export function diagnosisListProblems(
  choices: readonly DiagnosisChoice[],
  entries: ReadonlyMap<string, Icd10Entry>,
  patientSex: PatientSex,
): ClinicalProblem[] {
  const problems: ClinicalProblem[] = [];
  const seen = new Set<string>();
  for (const choice of choices) {
    if (seen.has(choice.code)) problems.push({ field: choice.code, code: 'diagnosis-twice' });
    seen.add(choice.code);
    const entry = entries.get(choice.code);
    if (!entry) {
      problems.push({ field: choice.code, code: 'unknown-code' });
      continue;
    }
    const problem = diagnosisProblem(entry, patientSex, choice.primary ? 'primary' : 'secondary');
    if (problem) problems.push({ field: choice.code, code: problem });
  }
  if (choices.filter((choice) => choice.primary).length > 1)
    problems.push({ field: 'diagnoses', code: 'more-than-one-primary' });
  return problems;
}

/** The diagnoses as stored: the catalog's Vietnamese name kept, the primary one first. */
export function diagnosesFromChoices(
  choices: readonly DiagnosisChoice[],
  entries: ReadonlyMap<string, Icd10Entry>,
): Diagnosis[] {
  const diagnoses = choices.map((choice) => ({
    code: choice.code,
    name: entries.get(choice.code)?.name ?? choice.code,
    primary: choice.primary,
  }));
  return [...diagnoses.filter((d) => d.primary), ...diagnoses.filter((d) => !d.primary)];
}

/** One change of a visit's diagnoses, applied to the list as it is stored when it is written. */
export type DiagnosisEdit = (current: readonly DiagnosisChoice[]) => DiagnosisChoice[];

/** A code added: primary if the list has none yet, secondary otherwise; a code already there stays as it is. */
export const addDiagnosis =
  (code: string): DiagnosisEdit =>
  (current) =>
    current.some((choice) => choice.code === code)
      ? [...current]
      : [...current, { code, primary: !current.some((choice) => choice.primary) }];

/** This code made the primary one, the others secondary. */
export const makePrimaryDiagnosis =
  (code: string): DiagnosisEdit =>
  (current) =>
    current.map((choice) => ({ code: choice.code, primary: choice.code === code }));

export const removeDiagnosis =
  (code: string): DiagnosisEdit =>
  (current) =>
    current.filter((choice) => choice.code !== code);

/**
 * What calling a patient in does, on the visit as stored: a waiting visit is called by this
 * doctor; one this doctor called is opened again; one another doctor called stays theirs, and
 * the caller is told who called it and when (taking it over is a separate, deliberate act).
 */
export type CallDecision =
  | { kind: 'call' }
  | { kind: 'mine' }
  | { kind: 'called-by-other'; doctorId: string; calledAt: string }
  | { kind: 'closed' };

export function callDecision(
  visit: Pick<EncounterDocument, 'status' | 'doctorId' | 'calledAt'>,
  doctorId: string,
): CallDecision {
  if (visit.status === 'waiting') return { kind: 'call' };
  if (visit.status !== 'in-progress') return { kind: 'closed' };
  if (visit.doctorId === '' || visit.doctorId === doctorId) return { kind: 'mine' };
  return { kind: 'called-by-other', doctorId: visit.doctorId, calledAt: visit.calledAt };
}
