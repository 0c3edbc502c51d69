import { z } from 'zod';
import { labResultSchema } from '../clinical/observation-document';
import { signedDocumentFields } from '../clinical/signed-document';

const facilityCode = z
  .string()
  .regex(/^\d{5}$/)
  .max(5);
const text = (max: number) => z.string().max(max);
const staffId = z.string().min(1).max(40);

/**
 * A lab result the referral carries: the result as the sending facility's lab recorded it (test
 * code from the province's lab catalog, value, unit, reference range and flag), when and where
 * it was done, and the observation it was copied from. Structured, so that the receiving
 * facility's repeat-test warning reads it like a result fetched from the province.
 */
export const carriedResultSchema = z
  .object({
    ...labResultSchema.shape,
    /** The sending facility's observation: the id an order repeating it names. */
    observationId: z.string().min(1).max(40),
    /** When the result was recorded, by the lab PC's clock. */
    recordedAt: z.string().max(40),
    /** Where it was done. */
    facilityCode,
  })
  .strict();
export type CarriedResult = z.infer<typeof carriedResultSchema>;

/** At most this many results travel with one referral (a stay's worth of a few tests a day). */
export const MAX_REFERRAL_RESULTS = 60;

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
    /** Anything else done (imaging, tests outside the catalog), as free text. */
    testsDone: text(4000),
    /**
     * The lab results the sending doctor picked to travel with the referral. Absent on referrals
     * made before results were carried (their results are in `testsDone` only).
     */
    results: z.array(carriedResultSchema).max(MAX_REFERRAL_RESULTS).optional(),
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
    /**
     * The referring doctor's clinical signature (decision 0006) over the sender's part: the
     * receiver's fields and the withdrawal stay open (REFERRAL_OPEN_FIELDS). Absent while the
     * referral is unsigned, and on referrals made before signing existed. A referral is not
     * amended: a wrong one is withdrawn and written again.
     */
    signedBy: signedDocumentFields.signedBy,
    signedAt: signedDocumentFields.signedAt,
    clinicalSignature: signedDocumentFields.clinicalSignature,
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

/**
 * What a signed referral may still change: the receiver's whole side (it answers a signed paper,
 * it does not sign it) and the sender's withdrawal. The signature covers the rest: the patient,
 * both facilities, the clinical summary, the results carried and who wrote it.
 */
export const REFERRAL_OPEN_FIELDS = [
  ...RECEIVER_FIELDS,
  'senderStatus',
] as const satisfies readonly (keyof ReferralDocument)[];

/** Written by whichever side makes a version. */
export const REFERRAL_BOOKKEEPING_FIELDS = [
  'updatedAt',
  'updatedBy',
] as const satisfies readonly (keyof ReferralDocument)[];
