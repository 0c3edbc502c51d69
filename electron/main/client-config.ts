import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientConfigSchema, parseClientConfigText, type ClientConfig } from '../../shared/client-config';

const DEFAULT_SERVER_URL = 'http://127.0.0.1:8780';

/** The folder under ProgramData that build/installer.nsh writes `config.json` into (SEN_CONFIG_DIR). */
export const MACHINE_CONFIG_FOLDER = 'Sen';
export const CONFIG_FILE_NAME = 'config.json';

/**
 * Where `config.json` is looked for, first found wins. On Windows the per-machine file
 * (C:\ProgramData\Sen\config.json) comes first: Sen is installed per machine by the facility's IT
 * person, elevated, and every Windows account of the PC (one per shift, often) must reach the
 * same province; the per-user data folder (%APPDATA%\Sen) of the account that ran the installer
 * is not the clinicians'. The data folder's own file stays a fallback for a copy placed there by
 * hand (and for `npm start` on Linux, where there is no ProgramData).
 */
export function clientConfigPaths(options: {
  platform: NodeJS.Platform;
  programData: string | undefined;
  userData: string;
}): string[] {
  const machine =
    options.platform === 'win32' && options.programData
      ? [join(options.programData, MACHINE_CONFIG_FOLDER, CONFIG_FILE_NAME)]
      : [];
  return [...machine, join(options.userData, CONFIG_FILE_NAME)];
}

/**
 * The installer writes UTF-16 (NSIS's FileWriteUTF16LE: the only way it writes Vietnamese names
 * intact); people editing the file write UTF-8, with or without a byte order mark.
 */
export function decodeConfigFile(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  return bytes.toString('utf8');
}

/**
 * The provincial server to use: the first `config.json` found (written by the installer or an
 * admin), else SEN_SERVER_URL / SEN_ENROLLMENT_CODE (`npm start`), else loopback. A file that is
 * there but unusable is an error naming the file and the field (ClientConfigError), never a
 * silent fallback to another server.
 */
export function loadClientConfig(
  paths: readonly string[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): ClientConfig {
  const found = paths.find((path) => existsSync(path));
  if (found) return parseClientConfigText(decodeConfigFile(readFileSync(found)), found);
  return clientConfigSchema.parse({
    serverUrl: env.SEN_SERVER_URL ?? DEFAULT_SERVER_URL,
    enrollmentCode: env.SEN_ENROLLMENT_CODE,
    deviceName: env.SEN_DEVICE_NAME,
  });
}

/**
 * electron-updater's generic feed for this PC: its province's server, from config.json. The URL in
 * build/electron-builder.yml's `publish` is a placeholder; the app calls
 * `autoUpdater.setFeedURL({ provider: 'generic', url: updateFeedUrl(config.serverUrl) })`.
 * A server under a path (https://host/sen) keeps it.
 */
export function updateFeedUrl(serverUrl: string): string {
  return new URL('updates/', serverUrl.endsWith('/') ? serverUrl : `${serverUrl}/`).toString();
}
