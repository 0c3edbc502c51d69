import { z } from 'zod';

/** Who writes conflict documents: the server, when it merges two edits of one field. */
export const CONFLICT_AUTHOR = 'server';

/**
 * A value that lost a merge (two PCs changed the same field offline; the first to reach the
 * server stays), as the facility's PCs pull it: the `conflicts` collection of the collection
 * plan (docs/decisions/0001-collection-plan.md). Pull-only and never edited by a PC: the server
 * writes it when the merge happens and again, resolved, once someone edits that field anew
 * (putting the lost value back is such an edit). The values are JSON text, as the document held
 * them; the client shows them only to staff allowed to read the document they come from.
 */
export const conflictDocumentSchema = z
  .object({
    /** The id of the server's conflict record */
    id: z.string().min(1).max(40),
    /** The facility whose edit lost: its PCs pull the document */
    facilityCode: z.string().regex(/^\d{5}$/),
    /** The collection and document whose field lost a value ("collection" is RxDB's own name) */
    sourceCollection: z.string().min(1).max(40),
    documentId: z.string().min(1).max(40),
    field: z.string().min(1).max(60),
    /** JSON of the value kept, and of the one that lost */
    masterValue: z.string().max(20_000),
    losingValue: z.string().max(20_000),
    /** The PC and the staff member whose edit lost, and when they made it (their clock) */
    deviceId: z.string().max(40),
    staffId: z.string().max(40),
    clientTime: z.string().max(40),
    /** Server time, ISO 8601 */
    recordedAt: z.string().max(40),
    /** When a later edit of the field settled it ('' while open) */
    resolvedAt: z.string().max(40),
    updatedBy: z.literal(CONFLICT_AUTHOR),
  })
  .strict();
export type ConflictDocument = z.infer<typeof conflictDocumentSchema>;

export const CONFLICT_INDEXES = [
  ['documentId', 'field'],
  ['resolvedAt', 'recordedAt'],
] as const;
