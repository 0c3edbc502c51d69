import type { ClinicalProblem } from './clinical-problems';
import type { Diagnosis } from './common-fields';
import type { EncounterDocument } from './encounter-document';
import { INPATIENT_ROOM_CODE } from './inpatient-stay';
import type { NoteDocument } from './note-document';

/** One primary, no code twice: the rule every diagnosis list keeps. */
function diagnosisListShapeProblems(diagnoses: readonly Diagnosis[], field: string): ClinicalProblem[] {
  const problems: ClinicalProblem[] = [];
  const primaries = diagnoses.filter((diagnosis) => diagnosis.primary).length;
  if (primaries !== 1)
    problems.push({ field, code: primaries === 0 ? 'primary-diagnosis-required' : 'more-than-one-primary' });
  const codes = diagnoses.map((diagnosis) => diagnosis.code);
  if (new Set(codes).size !== codes.length) problems.push({ field, code: 'diagnosis-twice' });
  return problems;
}

/** A stay's rules beyond its shape: its admission present, out of every room's queue. */
export function stayProblems(encounter: EncounterDocument): ClinicalProblem[] {
  const isStay = encounter.kind === 'inpatient';
  if (!isStay) return encounter.stay ? [{ field: 'stay', code: 'part-does-not-match-kind' }] : [];
  const admission = encounter.stay;
  if (!admission) return [{ field: 'stay', code: 'part-does-not-match-kind' }];
  const problems: ClinicalProblem[] = [];
  if (encounter.roomCode !== INPATIENT_ROOM_CODE) problems.push({ field: 'roomCode', code: 'stay-in-a-room' });
  if (encounter.departmentCode !== admission.location.departmentCode)
    problems.push({ field: 'departmentCode', code: 'department-is-not-the-admission' });
  if (encounter.status === 'waiting') problems.push({ field: 'status', code: 'stay-waiting' });
  problems.push(...diagnosisListShapeProblems(admission.admittingDiagnoses, 'stay'));
  return problems;
}

/** A note's rules beyond its shape: exactly the part its kind names, and that part's rules. */
export function noteProblems(note: NoteDocument): ClinicalProblem[] {
  const problems: ClinicalProblem[] = [];
  const filled = {
    progress: note.progress !== null,
    'discharge-summary': note.discharge !== null,
    transfer: note.transfer !== null,
  };
  for (const [kind, present] of Object.entries(filled)) {
    if (present !== (kind === note.kind)) problems.push({ field: kind, code: 'part-does-not-match-kind' });
  }
  if (note.kind === 'progress' && note.text.trim() === '') problems.push({ field: 'text', code: 'note-text-required' });
  if (note.discharge) {
    problems.push(...diagnosisListShapeProblems(note.discharge.diagnoses, 'diagnoses'));
    if (note.discharge.followUpDate !== '' && note.discharge.followUpDate <= note.noteDate)
      problems.push({ field: 'followUpDate', code: 'follow-up-not-after-discharge' });
  }
  if (note.transfer) {
    const { from, to, after } = note.transfer;
    if (from.departmentCode === to.departmentCode && from.bed === to.bed)
      problems.push({ field: 'transfer', code: 'transfer-to-same-bed' });
    if (after.includes(note.id)) problems.push({ field: 'transfer', code: 'transfer-after-itself' });
  }
  return problems;
}
