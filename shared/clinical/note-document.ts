import { z } from 'zod';
import {
  authorshipFields,
  deviceTimeField,
  diagnosisSchema,
  documentIdField,
  facilityCodeField,
  freeText,
  isoDateField,
  optionalIdField,
  optionalIsoDateField,
} from './common-fields';
import { bedLocationSchema } from './inpatient-stay';
import { signedDocumentFields } from './signed-document';

/**
 * `progress`: the doctor's daily note of a stay (tờ điều trị). `discharge-summary`: the end of a
 * stay (giấy ra viện's content). `transfer`: one move of the patient to another bed or department.
 * Each is a document of its own, so two PCs writing at once never write the same document.
 */
export const NOTE_KINDS = ['progress', 'discharge-summary', 'transfer'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const progressPartSchema = z
  .object({
    /** The vital signs (an observation) the note refers to, '' when none. */
    vitalsObservationId: optionalIdField,
    /** The orders of the day in a line, as the doctor wants them read with the note. */
    ordersSummary: freeText(2000),
  })
  .strict();
export type ProgressPart = z.infer<typeof progressPartSchema>;

/** How the patient leaves (tình trạng ra viện), as on the discharge paper. */
export const DISCHARGE_CONDITIONS = ['recovered', 'improved', 'unchanged', 'worse', 'died'] as const;
export type DischargeCondition = (typeof DISCHARGE_CONDITIONS)[number];

export const dischargePartSchema = z
  .object({
    dischargedAt: deviceTimeField,
    /** Diagnoses at discharge, chosen from ICD-10 with its rules: exactly one primary. */
    diagnoses: z.array(diagnosisSchema).min(1).max(20),
    /** Treatment given during the stay (phương pháp điều trị). */
    treatment: z.string().min(1).max(8000),
    condition: z.enum(DISCHARGE_CONDITIONS),
    /** '' or a date after the discharge day. */
    followUpDate: optionalIsoDateField,
    followUp: freeText(2000),
    advice: freeText(4000),
  })
  .strict();
export type DischargePart = z.infer<typeof dischargePartSchema>;

/**
 * A move. `after` names the transfers this PC saw as the latest when it moved the patient (none
 * for the first move): the moves form a chain, and two moves made at once from the same place
 * form a fork that every PC sees and shows, instead of one silently replacing the other.
 */
export const transferPartSchema = z
  .object({
    from: bedLocationSchema,
    to: bedLocationSchema,
    after: z.array(documentIdField).max(20),
    movedAt: deviceTimeField,
  })
  .strict();
export type TransferPart = z.infer<typeof transferPartSchema>;

/** A note of a stay: one part filled, the one its kind names; `text` is the note's prose. */
export const noteDocumentSchema = z
  .object({
    id: documentIdField,
    facilityCode: facilityCodeField,
    patientId: documentIdField,
    /** The stay (an inpatient encounter) the note belongs to. */
    encounterId: documentIdField,
    kind: z.enum(NOTE_KINDS).meta({ maxLength: 17 }),
    /** The day the note is about, by the writing PC's calendar. */
    noteDate: isoDateField,
    writtenAt: deviceTimeField,
    text: freeText(8000),
    progress: progressPartSchema.nullable(),
    discharge: dischargePartSchema.nullable(),
    transfer: transferPartSchema.nullable(),
    ...authorshipFields,
    ...signedDocumentFields,
  })
  .strict();

export type NoteDocument = z.infer<typeof noteDocumentSchema>;

/** Indexed fields: a stay's notes by day, a patient's notes by day. */
export const NOTE_INDEXES = [
  ['encounterId', 'noteDate'],
  ['patientId', 'noteDate'],
] as const;
