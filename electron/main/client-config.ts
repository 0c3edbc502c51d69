import { existsSync, readFileSync } from 'node:fs';
import { clientConfigSchema, type ClientConfig } from '../../shared/client-config';

const DEFAULT_SERVER_URL = 'http://127.0.0.1:8780';

/**
 * The provincial server to use: `config.json` in the app's data folder (written by the
 * installer or an admin), else SEN_SERVER_URL / SEN_ENROLLMENT_CODE (`npm start`), else loopback.
 */
export function loadClientConfig(configPath: string): ClientConfig {
  if (existsSync(configPath)) return clientConfigSchema.parse(JSON.parse(readFileSync(configPath, 'utf8')));
  return clientConfigSchema.parse({
    serverUrl: process.env.SEN_SERVER_URL ?? DEFAULT_SERVER_URL,
    enrollmentCode: process.env.SEN_ENROLLMENT_CODE,
    deviceName: process.env.SEN_DEVICE_NAME,
  });
}
