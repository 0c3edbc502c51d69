import type { ClientConfig, DeviceCredential } from '../../shared/client-config';
import { enrollDevice, newEnrollmentRequestId } from '../device/enroll-device';
import type { Platform } from '../device/platform';
import { startServices, type ClientSettings, type SenServices } from './start-services';

export type BootResult = { state: 'enroll'; config: ClientConfig } | { state: 'ready'; services: SenServices };

/**
 * Runs once per window: loads the configuration and the stored credential, enrolls on first
 * run when the demo configuration carries a code, and opens the database.
 */
export async function boot(platform: Platform): Promise<BootResult> {
  const config = await platform.loadConfig();
  const stored = await platform.loadCredential();
  const allowInsecureHosts = config.allowInsecureHosts ?? [];
  if (stored) return { state: 'ready', services: await startServices(platform, stored, config) };
  if (!config.enrollmentCode) return { state: 'enroll', config };
  const credential = await enrollDevice(
    {
      serverUrl: config.serverUrl,
      code: config.enrollmentCode,
      deviceName: config.deviceName ?? 'Sen',
      requestId: newEnrollmentRequestId(),
    },
    allowInsecureHosts,
  );
  return finishEnrollment(platform, credential, config);
}

export async function finishEnrollment(
  platform: Platform,
  credential: DeviceCredential,
  config: ClientSettings,
): Promise<BootResult> {
  await platform.saveCredential(credential);
  return { state: 'ready', services: await startServices(platform, credential, config) };
}
