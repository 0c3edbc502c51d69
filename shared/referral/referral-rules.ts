import { can } from '../staff/roles';
import { standing, type WriteAttempt, type WriteRefusal } from '../staff/authorize-write';
import {
  RECEIVER_FIELDS,
  REFERRAL_BOOKKEEPING_FIELDS,
  referralDocumentSchema,
  type ReferralDocument,
} from './referral-document';

/** Rules beyond the schema's shape. */
export function referralProblems(referral: ReferralDocument): { field: string; code: string }[] {
  const problems: { field: string; code: string }[] = [];
  if (referral.fromFacilityCode === referral.toFacilityCode)
    problems.push({ field: 'toFacilityCode', code: 'referral-to-same-facility' });
  if (referral.diagnoses.filter((diagnosis) => diagnosis.primary).length > 1)
    problems.push({ field: 'diagnoses', code: 'more-than-one-primary' });
  const accepted = referral.receiverStatus === 'accepted' || referral.receiverStatus === 'completed';
  if (accepted && referral.receiverPatientId === '')
    problems.push({ field: 'receiverPatientId', code: 'accepted-without-patient' });
  if (referral.outcome !== '' && referral.receiverStatus !== 'completed')
    problems.push({ field: 'outcome', code: 'outcome-before-completion' });
  const results = referral.results ?? [];
  // The sender vouches for its own lab's results; another facility's reach the receiver by the
  // province's history lookup, with their own audit trail.
  if (results.some((result) => result.facilityCode !== referral.fromFacilityCode))
    problems.push({ field: 'results', code: 'result-of-other-facility' });
  if (new Set(results.map((result) => result.observationId)).size !== results.length)
    problems.push({ field: 'results', code: 'result-carried-twice' });
  return problems;
}

/**
 * Every field of the schema but the receiver's, the optional ones included: a referral written
 * before results or signatures existed gets them from its sender only.
 */
const SENDER_FIELDS = (Object.keys(referralDocumentSchema.shape) as (keyof ReferralDocument)[]).filter(
  (field) => !(RECEIVER_FIELDS as readonly string[]).includes(field),
);

/**
 * The sender writes the referral; the receiver writes only its side of the loop. Bookkeeping
 * (who made a version, and when on their clock) goes with whoever writes.
 */
export function referralOwnedFields(
  referral: ReferralDocument,
  writerFacility: string,
): 'all' | readonly (keyof ReferralDocument)[] {
  if (writerFacility === referral.fromFacilityCode) return SENDER_FIELDS;
  if (writerFacility === referral.toFacilityCode) return [...RECEIVER_FIELDS, ...REFERRAL_BOOKKEEPING_FIELDS];
  return [];
}

function receiverSideBlank(referral: ReferralDocument): boolean {
  return (
    referral.receiverStatus === 'pending' &&
    referral.receiverPatientId === '' &&
    referral.receiverNote === '' &&
    referral.outcome === '' &&
    referral.outcomeSummary === ''
  );
}

/**
 * Writing a referral needs referral.write at the sending facility and referral.receive at the
 * receiving one; its creator never changes.
 */
export function authorizeReferralWrite(attempt: WriteAttempt<ReferralDocument>): WriteRefusal | null {
  const { pushed, staff, master, writerFacility } = attempt;
  const author = staff(pushed.updatedBy);
  const authorStanding = standing(author);
  if (authorStanding || !author) return authorStanding;
  // A referral is withdrawn (senderStatus), never deleted: both facilities keep the record.
  if (pushed._deleted) return 'not-permitted';
  if (master && pushed.createdBy !== master.createdBy) return 'author-mismatch';
  if (!master && pushed.createdBy !== pushed.updatedBy) return 'author-mismatch';
  // A new referral starts the receiver's side blank: only the receiver fills it in.
  if (!master && !receiverSideBlank(pushed)) return 'not-permitted';
  const permission = writerFacility === pushed.toFacilityCode ? 'referral.receive' : 'referral.write';
  return can(author.roles, permission) ? null : 'not-permitted';
}
