import { z } from 'zod';
import { deviceTimeField, diagnosisSchema, optionalIdField, staffIdField } from './common-fields';

/**
 * Stays live in `encounters` beside visits (docs/decisions/0005-inpatient-stays.md). Their
 * `roomCode` is this marker rather than a room: no room's queue ever lists a stay, and the
 * active stays are found through the room index without reading every visit.
 */
export const INPATIENT_ROOM_CODE = 'NOITRU';

/** A bed of a department: `G01`, `G02`… up to the department's bed count in the catalog. */
export const BED_CODE_PATTERN = /^G\d{2,3}$/;
export const bedCodeField = z.string().regex(BED_CODE_PATTERN).max(4);

/** The bed codes of a department with `count` beds. */
export function bedCodes(count: number): string[] {
  return Array.from({ length: Math.max(0, Math.floor(count)) }, (_, index) => `G${String(index + 1).padStart(2, '0')}`);
}

/** Where a patient lies: a department and one of its beds. */
export const bedLocationSchema = z
  .object({
    departmentCode: z.string().min(1).max(20),
    bed: bedCodeField,
  })
  .strict();
export type BedLocation = z.infer<typeof bedLocationSchema>;

/**
 * The admission part of an inpatient encounter: written once when the patient is admitted and
 * never changed after (moves are transfer notes of their own; the discharge closes the encounter
 * and is told in its discharge summary note).
 */
export const admissionSchema = z
  .object({
    /** The outpatient visit whose conclusion was "admit"; '' for a direct admission. */
    fromEncounterId: optionalIdField,
    admittedAt: deviceTimeField,
    admittedBy: staffIdField,
    /** The first department and bed; the current ones follow from the transfers. */
    location: bedLocationSchema,
    admittingDiagnoses: z.array(diagnosisSchema).min(1).max(20),
  })
  .strict();
export type Admission = z.infer<typeof admissionSchema>;
