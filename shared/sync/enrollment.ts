import { z } from 'zod';
import { DEVICE_TAG_PATTERN } from '../identifiers/device-tag';

export const ENROLL_PATH = '/enroll';

/**
 * A PC's name as the admins see it in the device list: its room and number ("Tiếp đón 1"),
 * typed at enrollment and renamed later by the facility's or the province's admin.
 */
export const deviceNameSchema = z.string().trim().min(1).max(60);

export const enrollRequestSchema = z
  .object({
    code: z.string().min(4).max(64),
    deviceName: deviceNameSchema,
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

/**
 * `GET`/`POST /sync/v…/device`: this PC as the server knows it; POST renames it, with the proof
 * of the staff member who asks (shared/sync/device-rename.ts).
 */
export const DEVICE_PATH = 'device';

/** The province's admin renames any PC: `PATCH /admin/v1/devices/:id` `{ name }`. */
export const renameDeviceSchema = z.object({ name: deviceNameSchema }).strict();

export interface ThisDevice {
  id: string;
  name: string;
  facilityCode: string;
}
