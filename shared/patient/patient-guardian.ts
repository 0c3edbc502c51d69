import { z } from 'zod';
import { checkCccd } from '../identifiers/cccd';
import { checkPhone } from '../identifiers/phone';
import { completedMonths } from './patient-age';

/**
 * Who brings a young child: their mother, father or another legal guardian, with the guardian's
 * own CCCD and phone. A newborn has no CCCD of their own (DOMAIN.md "Identifiers"), and the
 * mother's is what identifies them until they get one: the province's patient index matches two
 * newborn records by it (shared/identity/identity-keys.ts).
 */
export const GUARDIAN_RELATIONS = ['mother', 'father', 'guardian'] as const;
export type GuardianRelation = (typeof GUARDIAN_RELATIONS)[number];

export const patientGuardianSchema = z
  .object({
    name: z.string().min(1).max(120),
    relation: z.enum(GUARDIAN_RELATIONS),
    cccd: z.string().max(12),
    phone: z.string().max(11),
  })
  .strict();

export type PatientGuardian = z.infer<typeof patientGuardianSchema>;

/**
 * Under this age the registration form asks for the guardian, and their name and relation are
 * required. DOMAIN.md states no such rule; six is where Vietnamese practice treats a child as
 * needing an accompanying parent (children under six are insured free on their own BHYT card but
 * are brought and answered for by a parent). One constant, so that the province can change it.
 */
export const GUARDIAN_REQUIRED_UNDER_YEARS = 6;

/** Whether a child born on `dateOfBirth` needs a guardian recorded on `onDate` (ISO dates). */
export function needsGuardian(dateOfBirth: string, onDate: string): boolean {
  return completedMonths(dateOfBirth, onDate) < GUARDIAN_REQUIRED_UNDER_YEARS * 12;
}

export type GuardianField = 'guardianName' | 'guardianRelation' | 'guardianCccd' | 'guardianPhone';

/**
 * A recorded guardian's identifiers: a mother's CCCD must encode a woman, a father's a man; a
 * guardian's sex is not known, only the number's form and place code are checked. The birth
 * year is the guardian's, which the record does not hold, so it is not checked.
 */
export function guardianProblems(guardian: PatientGuardian): { field: GuardianField; code: string }[] {
  const problems: { field: GuardianField; code: string }[] = [];
  if (guardian.cccd !== '') {
    const sex = guardian.relation === 'mother' ? 'female' : guardian.relation === 'father' ? 'male' : undefined;
    const problem = checkCccd(guardian.cccd, sex, undefined);
    if (problem) problems.push({ field: 'guardianCccd', code: problem });
  }
  if (guardian.phone !== '' && checkPhone(guardian.phone))
    problems.push({ field: 'guardianPhone', code: 'phone-format' });
  return problems;
}
