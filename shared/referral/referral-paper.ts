import { inPaperOrder } from './carried-results';
import type { CarriedResult, ReferralDocument } from './referral-document';

/** A facility as a referral paper names it: code, name, and the province for the heading. */
export interface ReferralFacility {
  code: string;
  name: string;
  provinceCode: string;
}

/**
 * What a referral paper (giấy chuyển tuyến) prints, as plain data: the printing feature lays it
 * out (renderer/printing), the referrals feature fills it from a referral and the two facilities.
 * Dates are device times as stored or ISO days; the template formats them.
 */
export interface ReferralPaperData {
  from: ReferralFacility;
  to: ReferralFacility;
  patient: ReferralDocument['patient'];
  diagnoses: ReferralDocument['diagnoses'];
  findings: string;
  /** The lab results the referral carries, oldest first. */
  results: CarriedResult[];
  /** Anything else done, as the doctor typed it. */
  testsDone: string;
  treatmentGiven: string;
  conditionAtTransfer: string;
  reason: string;
  transport: string;
  accompanyingStaff: string;
  /** When the sending doctor wrote it: the paper's date and the start of its validity. */
  issuedAt: string;
  /** A disease on the ministry's chronic list: the paper is valid a year instead of 10 working days. */
  chronic: boolean;
  /** Who wrote the referral, or who signed it once signed; `signedAt` only when signed. */
  signer: { staffId: string; displayName: string; signedAt?: string };
}

export function referralPaperData(
  referral: ReferralDocument,
  from: ReferralFacility,
  to: ReferralFacility,
  signerName: string,
  chronic = false,
): ReferralPaperData {
  return {
    from,
    to,
    patient: referral.patient,
    diagnoses: [...referral.diagnoses].sort((a, b) => Number(b.primary) - Number(a.primary)),
    findings: referral.findings,
    results: inPaperOrder(referral.results ?? []),
    testsDone: referral.testsDone,
    treatmentGiven: referral.treatmentGiven,
    conditionAtTransfer: referral.conditionAtTransfer,
    reason: referral.reason,
    transport: referral.transport,
    accompanyingStaff: referral.accompanyingStaff,
    issuedAt: referral.createdAt,
    chronic,
    signer:
      referral.signedBy && referral.signedAt
        ? { staffId: referral.signedBy, displayName: signerName, signedAt: referral.signedAt }
        : { staffId: referral.createdBy, displayName: signerName },
  };
}

const WORKING_DAYS_VALID = 10;

/**
 * The last day a referral paper is valid (yyyy-MM-dd): ten working days counting the day it was
 * issued when that is a working day (Saturdays and Sundays are not; public holidays are not
 * known offline and are left out, which errs towards the patient), or a year for a chronic disease.
 */
export function referralValidUntil(issuedOn: string, chronic: boolean): string {
  const [year = 0, month = 1, day = 1] = issuedOn.split('-').map(Number);
  if (chronic) return isoDay(new Date(Date.UTC(year + 1, month - 1, day - 1)));
  const date = new Date(Date.UTC(year, month - 1, day));
  let counted = 0;
  for (;;) {
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) counted += 1;
    if (counted === WORKING_DAYS_VALID) return isoDay(date);
    date.setUTCDate(date.getUTCDate() + 1);
  }
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
