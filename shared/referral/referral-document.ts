import { z } from 'zod';

const facilityCode = z
  .string()
  .regex(/^\d{5}$/)
  .max(5);
const text = (max: number) => z.string().max(max);
const staffId = z.string().min(1).max(40);

/**
 * A referral (giấy chuyển tuyến) from one facility to another: addressed to both, written by
 * both, each side owning its own fields (referral-ownership.ts). The sender fills the clinical
 * summary; the receiver accepts or declines it and reports the outcome, closing the loop.
 *
 * The patient is carried as the sender registered them, so that the receiver can register the
 * patient without retyping (linked by CCCD or BHYT).
 */
export const referralDocumentSchema = z
  .object({
    id: z.string().min(1).max(40),
    fromFacilityCode: facilityCode,
    toFacilityCode: facilityCode,
    /** The patient's id at the sending facility */
    patientId: z.string().min(1).max(40),
    patient: z
      .object({
        fullName: z.string().min(1).max(200),
        dateOfBirth: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .max(10),
        sex: z.enum(['male', 'female']),
        cccd: text(12),
        bhyt: text(15),
        phone: text(11),
        address: text(300),
        /**
         * The name's parts and the administrative address as the sender registered them: what
         * the receiver needs to register the patient without retyping (absent on referrals made
         * before they were carried, which the receiver registers by hand).
         */
        familyName: text(60).optional(),
        middleName: text(60).optional(),
        givenName: text(60).optional(),
        provinceCode: text(2).optional(),
        wardCode: text(5).optional(),
        ethnicityCode: text(2).optional(),
      })
      .strict(),
    reason: z.string().min(1).max(2000),
    findings: text(4000),
    diagnoses: z
      .array(
        z.object({ code: z.string().min(3).max(6), name: z.string().min(1).max(300), primary: z.boolean() }).strict(),
      )
      .max(20),
    testsDone: text(4000),
    treatmentGiven: text(4000),
    conditionAtTransfer: text(2000),
    transport: text(200),
    accompanyingStaff: text(300),
    /** The sender's side: sent, or withdrawn before the receiver acted. */
    senderStatus: z.enum(['sent', 'cancelled']),
    /** The receiver's side of the loop. */
    receiverStatus: z.enum(['pending', 'accepted', 'declined', 'completed']),
    /** The patient's id at the receiving facility, once accepted ('' before). */
    receiverPatientId: text(40),
    receiverNote: text(4000),
    /** Outcome reported back: admitted, treated, discharged with a summary, counter-referred. */
    outcome: z.enum(['', 'admitted', 'treated', 'discharged', 'counter-referred']),
    outcomeSummary: text(4000),
    /** Device-clock times: data, never ordering. */
    createdAt: z.string().max(40),
    updatedAt: z.string().max(40),
    createdBy: staffId,
    updatedBy: staffId,
  })
  .strict();

export type ReferralDocument = z.infer<typeof referralDocumentSchema>;

/**
 * Indexed fields, stored in clear: a facility's incoming and outgoing referrals, and a patient's.
 * Which facility sent whom where is already known to the sync server; the content is sealed.
 */
export const REFERRAL_INDEXES = [
  ['toFacilityCode', 'createdAt'],
  ['fromFacilityCode', 'createdAt'],
  ['patientId'],
  ['receiverPatientId'],
] as const;

/** What only the receiving facility writes; everything else is the sender's. */
export const RECEIVER_FIELDS = [
  'receiverStatus',
  'receiverPatientId',
  'receiverNote',
  'outcome',
  'outcomeSummary',
] as const satisfies readonly (keyof ReferralDocument)[];

/** Written by whichever side makes a version. */
export const REFERRAL_BOOKKEEPING_FIELDS = [
  'updatedAt',
  'updatedBy',
] as const satisfies readonly (keyof ReferralDocument)[];
