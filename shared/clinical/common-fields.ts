import { z } from 'zod';

/** Fields every clinical document shares: where it belongs, whom it is about, who wrote it. */
export const facilityCodeField = z
  .string()
  .regex(/^\d{5}$/)
  .max(5);
export const documentIdField = z.string().min(1).max(40);
/** '' when the document is not tied to one (e.g. an allergy recorded from the chart). */
export const optionalIdField = z.string().max(40);
export const staffIdField = z.string().min(1).max(40);
/** A staff id, or '' before the step happened (e.g. nobody has called the patient yet). */
export const optionalStaffIdField = z.string().max(40);
/** Device-clock times: data shown with care, never used for ordering or merging. */
export const deviceTimeField = z.string().max(40);
export const isoDateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .max(10);
export const optionalIsoDateField = z.union([z.literal(''), isoDateField]);
export const freeText = (max: number) => z.string().max(max);

/** ICD-10 code and name as chosen from the catalog, primary or secondary. */
export const diagnosisSchema = z
  .object({
    code: z.string().min(3).max(6),
    /** The Vietnamese name at the time of diagnosis: kept, so the record reads the same later. */
    name: z.string().min(1).max(500),
    primary: z.boolean(),
  })
  .strict();
export type Diagnosis = z.infer<typeof diagnosisSchema>;

/** Authorship of a clinical document; the server checks `updatedBy` against its signature. */
export const authorshipFields = {
  createdAt: deviceTimeField,
  updatedAt: deviceTimeField,
  createdByDeviceId: z.string().max(40),
  createdBy: staffIdField,
  updatedBy: staffIdField,
};

/** The authorship of a new clinical document: made and last changed by `author` on this PC at `at`. */
export function newAuthorship(at: string, deviceId: string, author: string) {
  return { createdAt: at, updatedAt: at, createdByDeviceId: deviceId, createdBy: author, updatedBy: author };
}
