import { z } from 'zod';

export const PAPER_SIZES = ['A4', 'A5'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/**
 * The renderer asks main to print the print view it is showing: to the system print dialog, or
 * to a PDF the user saves. The page size and margins travel with it (the view's CSS says the
 * same); the file name is only a suggestion for the save dialog, so it may not name a folder.
 */
export const printRequestSchema = z
  .object({
    action: z.enum(['print', 'save-pdf']),
    pageSize: z.enum(PAPER_SIZES),
    marginMm: z.number().min(0).max(30),
    fileName: z
      .string()
      .max(120)
      .regex(/^[\p{L}\p{N} _.-]+\.pdf$/u)
      .refine((name) => !name.startsWith('.'), 'no hidden file names'),
  })
  .strict();
export type PrintRequest = z.infer<typeof printRequestSchema>;

export const printResponseSchema = z
  .object({
    outcome: z.enum(['printed', 'saved', 'cancelled']),
    /** Where the PDF was saved; null otherwise. */
    path: z.string().max(4096).nullable(),
  })
  .strict();
export type PrintResponse = z.infer<typeof printResponseSchema>;
