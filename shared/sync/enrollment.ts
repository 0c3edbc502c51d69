import { z } from 'zod';
import { DEVICE_TAG_PATTERN } from '../identifiers/device-tag';

export const ENROLL_PATH = '/enroll';

export const enrollRequestSchema = z
  .object({
    code: z.string().min(4).max(64),
    deviceName: z.string().min(1).max(100),
    /**
     * Chosen by the client once per enrollment attempt and sent again on every retry: a retry
     * whose first answer was lost gets the same device back instead of spending the code again.
     */
    requestId: z.uuid(),
  })
  .strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;

export const enrollResponseSchema = z.object({
  deviceId: z.string(),
  /** Sent back as `Authorization: Bearer <deviceId>.<secret>`; shown once, stored by the client. */
  token: z.string(),
  facility: z.object({ code: z.string(), name: z.string(), provinceCode: z.string() }),
  /** This PC's tag in its facility (shared/identifiers/device-tag.ts): part of the codes it issues. */
  deviceTag: z.string().regex(DEVICE_TAG_PATTERN),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** Codes are read off paper or a phone: case and surrounding spaces do not matter. */
export function normalizeEnrollmentCode(code: string): string {
  return code.trim().toUpperCase();
}
