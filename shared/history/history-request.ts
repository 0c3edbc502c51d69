import { z } from 'zod';
import { documentSignatureSchema } from '../signing/document-signature';

/** What a signature over a history request names as its "collection" (signed-content.ts). */
export const HISTORY_REQUEST_KIND = 'history-request';

/** `POST /sync/v2/history`: the path, beside the sync routes it shares a credential with. */
export const HISTORY_PATH = '/sync/v2/history';
/** `POST /sync/v2/repeat-tests`: how a PC reports the repeat-test warnings its doctors saw. */
export const REPEAT_TESTS_PATH = '/sync/v2/repeat-tests';

/**
 * A staff member's request for a patient's records at the province's other facilities, signed
 * with their key like any document they write: the device's credential says which PC asks,
 * the signature which person (the server checks it against the accounts it holds). Its `id`
 * is used once, so a captured request cannot be replayed.
 */
export const historyRequestSchema = z
  .object({
    id: z.uuid(),
    staffId: z.string().min(1).max(40),
    /** The PC's clock when asked: data, never trusted for order. */
    at: z.string().max(40),
    /** The patient's CCCD (12 digits) or BHYT card number; at least one. */
    cccd: z.string().regex(/^(\d{12})?$/),
    bhyt: z
      .string()
      .max(15)
      .regex(/^[A-Z0-9]*$/),
    /** Why the record is looked at: kept in the audit trail. */
    /** Checked as sent (never trimmed by the schema): the signature covers these exact bytes. */
    purpose: z.string().min(1).max(500),
    /** Break-glass: skips the presence check, raises an alert; needs `reason`. */
    emergency: z.boolean(),
    reason: z.string().max(500),
  })
  .strict()
  .refine((request) => request.cccd !== '' || request.bhyt !== '', { message: 'A CCCD or a BHYT is required.' })
  .refine((request) => request.purpose.trim() !== '', { message: 'A purpose is required.' })
  .refine((request) => !request.emergency || request.reason.trim() !== '', {
    message: 'A break-glass access needs a reason.',
  });
export type HistoryRequest = z.infer<typeof historyRequestSchema>;

export const historyRequestBodySchema = z
  .object({ request: historyRequestSchema, signature: documentSignatureSchema })
  .strict();
export type HistoryRequestBody = z.infer<typeof historyRequestBodySchema>;

/** Why a lookup is refused (403 `forbidden`, `details.reason`). */
export type HistoryRefusal = 'not-permitted' | 'patient-not-here' | 'request-reused';

export const FOREIGN_COLLECTIONS = ['patients', 'encounters', 'orders', 'observations', 'notes'] as const;
export type ForeignCollection = (typeof FOREIGN_COLLECTIONS)[number];

/** One record of another facility, as the province returns it: the body, and where it was made. */
export interface ForeignRecord {
  collection: ForeignCollection;
  facilityCode: string;
  facilityName: string;
  document: Record<string, unknown> & { id: string };
}

export interface HistoryResponse {
  lookupId: string;
  records: ForeignRecord[];
}

/**
 * What became of a repeat-test warning a doctor saw: the test ordered anyway (with a reason)
 * or left out (avoided). `source` says whether the earlier result was this facility's own or
 * one fetched from another facility.
 */
export const repeatTestReportSchema = z
  .object({
    id: z.uuid(),
    testCode: z.string().min(1).max(30),
    outcome: z.enum(['ordered', 'avoided']),
    source: z.enum(['local', 'foreign']),
    /** Where the earlier result was made (the facility's own code for a local one). */
    earlierFacilityCode: z.string().regex(/^\d{5}$/),
    at: z.string().max(40),
  })
  .strict();
export type RepeatTestReport = z.infer<typeof repeatTestReportSchema>;

export const repeatTestReportsBodySchema = z
  .object({ reports: z.array(repeatTestReportSchema).min(1).max(200) })
  .strict();
