import type { TFunction } from 'i18next';
import type { ReferralProblem } from './referral-content';

const KNOWN_PROBLEMS = new Set([
  'required',
  'referral-to-same-facility',
  'already-answered',
  'referral-not-found',
  'not-ours',
  'patient-block-incomplete',
  'more-than-one-primary',
  'cccd-already-registered',
  'needs-registrar',
  'result-of-other-facility',
  'result-carried-twice',
]);

/** Fields whose label is another key's: the note a decline asks for. */
const FIELD_LABELS: Record<string, string> = { receiverNote: 'declineNote', toFacilityCode: 'toFacility' };

/** A refused write in Vietnamese: what is wrong, naming the field when one is missing. */
export function referralProblemMessage(t: TFunction, problem: ReferralProblem): string {
  if (!KNOWN_PROBLEMS.has(problem.code)) return t('referrals.problem_other', { code: problem.code });
  const field = t(`referrals.${FIELD_LABELS[problem.field] ?? problem.field}`, { defaultValue: problem.field });
  return t(`referrals.problem_${problem.code}`, { field: field.toLocaleLowerCase('vi') });
}
