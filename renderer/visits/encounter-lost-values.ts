import { z } from 'zod';
import { diagnosisSchema, type Diagnosis } from '../../shared/clinical/common-fields';
import type { EncounterDocument } from '../../shared/clinical/encounter-document';
import type { Permission } from '../../shared/staff/roles';
import type { VisitNotes } from './encounters-repository';
import type { DiagnosisChoice } from './visit-rules';

/**
 * A lost value of a visit or a stay, as the edit that puts it back: a note field (reason,
 * history, examination) as its section saves it, or the diagnoses as a whole list, checked
 * against the catalog again. Anything else (status, the conclusion, the admission) is shown
 * but not put back from the notice: its own screen has rules a value alone cannot follow.
 */
export type EncounterRestore =
  { kind: 'notes'; notes: Partial<VisitNotes> } | { kind: 'diagnoses'; choices: DiagnosisChoice[] };

const NOTE_FIELDS: readonly string[] = ['reason', 'history', 'examination'] satisfies (keyof VisitNotes)[];
const diagnosesValue = z.array(diagnosisSchema);

export function encounterRestore(field: string, value: unknown): EncounterRestore | null {
  if (NOTE_FIELDS.includes(field) && typeof value === 'string') return { kind: 'notes', notes: { [field]: value } };
  if (field === 'diagnoses') {
    const parsed = diagnosesValue.safeParse(value);
    if (parsed.success)
      return { kind: 'diagnoses', choices: parsed.data.map(({ code, primary }) => ({ code, primary })) };
  }
  return null;
}

/**
 * Whether this user may put the value back: the rules the visit's sections apply (notes while
 * the visit or stay is open, with encounter.write; diagnoses while it is in progress, with
 * diagnosis.write too), which are the server's (shared/clinical/clinical-authorization.ts).
 */
export function mayRestoreEncounterValue(
  encounter: Pick<EncounterDocument, 'status'>,
  field: string,
  value: unknown,
  can: (permission: Permission) => boolean,
): boolean {
  const restore = encounterRestore(field, value);
  if (!restore || !can('encounter.write')) return false;
  if (restore.kind === 'notes') return encounter.status === 'in-progress' || encounter.status === 'waiting';
  return encounter.status === 'in-progress' && can('diagnosis.write');
}

/** Diagnoses as a clinician reads them ("J06.9 Viêm họng cấp (chính)"); null for other fields. */
export function lostDiagnosesText(field: string, value: unknown, primaryWord: string): string | null {
  if (field !== 'diagnoses') return null;
  const parsed = diagnosesValue.safeParse(value);
  if (!parsed.success) return null;
  if (parsed.data.length === 0) return '—';
  return parsed.data.map((diagnosis: Diagnosis) => diagnosisText(diagnosis, primaryWord)).join('; ');
}

function diagnosisText(diagnosis: Diagnosis, primaryWord: string): string {
  return `${diagnosis.code} ${diagnosis.name}${diagnosis.primary ? ` (${primaryWord})` : ''}`;
}
