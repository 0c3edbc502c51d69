import { z } from 'zod';
import {
  authorshipFields,
  deviceTimeField,
  diagnosisSchema,
  documentIdField,
  facilityCodeField,
  freeText,
  isoDateField,
  optionalIsoDateField,
  optionalStaffIdField,
} from './common-fields';
import { signedDocumentFields } from './signed-document';
import { admissionSchema } from './inpatient-stay';

/** An outpatient visit, or an inpatient stay (admission to discharge; see inpatient-stay.ts). */
export const ENCOUNTER_KINDS = ['outpatient', 'inpatient'] as const;
export type EncounterKind = (typeof ENCOUNTER_KINDS)[number];

export const ENCOUNTER_STATUSES = ['waiting', 'in-progress', 'finished', 'cancelled'] as const;
export type EncounterStatus = (typeof ENCOUNTER_STATUSES)[number];

/** How a visit ends; admission and referral are carried out by their own screens later. */
export const DISPOSITIONS = ['', 'home', 'follow-up', 'admit', 'refer'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/**
 * One visit of a patient (an outpatient examination, or an inpatient stay: see `stay` below),
 * from the moment reception sends the patient to a room until the doctor concludes it.
 *
 * The queue is this document: reception creates it `waiting` in a room on a day, the room's
 * doctor calls it (`in-progress`), examines, diagnoses and concludes it (`finished`). Orders,
 * results and prescriptions are documents of their own that name the encounter.
 */
export const encounterDocumentSchema = z
  .object({
    id: documentIdField,
    facilityCode: facilityCodeField,
    patientId: documentIdField,
    kind: z.enum(ENCOUNTER_KINDS).meta({ maxLength: 10 }),
    /**
     * The insurance episode key (MA_LK): unique and never changed once issued. The facility code
     * and the document id make it unique without asking anyone.
     */
    episodeKey: z.string().min(1).max(50),
    /** Catalog codes of the department and room (the queue) the patient was sent to. */
    departmentCode: z.string().min(1).max(20),
    roomCode: z.string().min(1).max(20),
    /** The day of the visit by the queuing PC's calendar: which day's queue it is in. */
    queueDate: isoDateField,
    /** The number called out in the room, in the order reception sent patients there. */
    queueNumber: z.number().int().min(1).max(9999).multipleOf(1),
    status: z.enum(ENCOUNTER_STATUSES).meta({ maxLength: 11 }),
    queuedAt: deviceTimeField,
    queuedBy: optionalStaffIdField,
    calledAt: deviceTimeField,
    /** The doctor who called the patient in and examines them. */
    doctorId: optionalStaffIdField,
    reason: freeText(1000),
    history: freeText(8000),
    examination: freeText(8000),
    diagnoses: z.array(diagnosisSchema).max(20),
    disposition: z.enum(DISPOSITIONS),
    followUpDate: optionalIsoDateField,
    advice: freeText(4000),
    finishedAt: deviceTimeField,
    /**
     * A stay's admission (absent on a visit). For a stay the other fields read: departmentCode
     * the admitting department, roomCode INPATIENT_ROOM_CODE, queueDate the day of admission,
     * status in-progress until discharge (finished), diagnoses those of the moment (admitting,
     * then at discharge), finishedAt the discharge time.
     */
    stay: admissionSchema.optional(),
    ...authorshipFields,
    ...signedDocumentFields,
  })
  .strict();

export type EncounterDocument = z.infer<typeof encounterDocumentSchema>;

/** Indexed fields: a room's queue of a day, and a patient's visits. */
export const ENCOUNTER_INDEXES = [
  ['roomCode', 'queueDate', 'queueNumber'],
  ['patientId', 'queueDate'],
] as const;

export function episodeKeyOf(facilityCode: string, encounterId: string): string {
  return `${facilityCode}.${encounterId}`;
}
