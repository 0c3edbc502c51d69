import { z } from 'zod';
import { enrollResponseSchema } from './sync/enrollment';

/**
 * How a client finds its provincial server. In Electron it comes from the main process
 * (installer settings); served in a browser it is `sen-config.json` beside index.html.
 */
export const clientConfigSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }),
  /** Set by the demo and tests only: enroll automatically with this code on first start. */
  enrollmentCode: z.string().max(64).optional(),
  deviceName: z.string().max(100).optional(),
  /** `host:port` of servers an admin allows over plain HTTP (never needed for loopback). */
  allowInsecureHosts: z.array(z.string().max(300)).max(20).optional(),
  /** Minutes without a key or a click before the screen locks (10 by default). */
  idleLockMinutes: z.number().positive().max(240).optional(),
});
export type ClientConfig = z.infer<typeof clientConfigSchema>;

/** What the device keeps after enrollment: its credential and the facility it serves. */
export const deviceCredentialSchema = enrollResponseSchema.extend({ serverUrl: z.string() });
export type DeviceCredential = z.infer<typeof deviceCredentialSchema>;
