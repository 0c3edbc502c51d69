import { z } from 'zod';

/**
 * What a PC tells the province with each sync request, which the server cannot know by itself:
 * how much waits to be sent, what it holds in quarantine, which app it runs and how far a first
 * download has come. Sent as one header, so pulls and pushes keep their bodies and an older
 * client without it keeps working (the province then shows nothing for these).
 */
export const DEVICE_REPORT_HEADER = 'x-sen-device-report';

const count = z.number().int().min(0).max(100_000_000);

export const deviceReportSchema = z
  .object({
    /** The app's version (shared/app-version.ts) */
    appVersion: z
      .string()
      .regex(/^[0-9A-Za-z.+-]{1,40}$/)
      .nullable(),
    /** Local writes of records the server has not acknowledged yet */
    backlog: count,
    /** Audit entries the server has not acknowledged yet */
    auditBacklog: count,
    /** Documents the server refused, held on the PC */
    quarantined: count,
    /** While a first download runs: documents done of the total */
    firstSync: z.object({ done: count, total: count }).strict().nullable(),
  })
  .strict();

export type DeviceReport = z.infer<typeof deviceReportSchema>;

/** The header's value: JSON of ASCII characters only (versions, numbers). */
export function encodeDeviceReport(report: DeviceReport): string {
  return JSON.stringify(report);
}

/** The report in a header value, or a reason it is not one. */
export function parseDeviceReport(value: string): { ok: true; report: DeviceReport } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { ok: false, reason: 'The device report is not JSON.' };
  }
  const parsed = deviceReportSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, reason: `The device report does not match the schema: ${parsed.error.message}` };
  return { ok: true, report: parsed.data };
}
