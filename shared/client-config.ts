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

/**
 * A configuration file that cannot be used, said so that the person who installed the PC can
 * fix it: which file, and which field is wrong or missing. The app shows it instead of failing
 * with a bare parser error.
 */
export class ClientConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`Tệp cấu hình ${source} không dùng được: ${problems.join('; ')}.`);
    this.name = 'ClientConfigError';
  }
}

/**
 * Parses a configuration file's text. A byte order mark is dropped: Notepad and the installer
 * (which writes UTF-16, see build/installer.nsh) put one first, and JSON.parse refuses it.
 */
export function parseClientConfigText(text: string, source: string): ClientConfig {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ClientConfigError(source, [
      `không phải JSON hợp lệ (${error instanceof Error ? error.message : String(error)})`,
    ]);
  }
  const parsed = clientConfigSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new ClientConfigError(
    source,
    parsed.error.issues.map((issue) => {
      const field = issue.path.join('.') || '(tệp)';
      return valueAt(json, issue.path) === undefined ? `thiếu ${field}` : `${field} không hợp lệ`;
    }),
  );
}

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
