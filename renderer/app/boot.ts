import type { ClientConfig, DeviceCredential } from '../../shared/client-config';
import { enrollDevice, newEnrollmentRequestId } from '../device/enroll-device';
import type { Platform } from '../device/platform';
import { startServices, type ClientSettings, type SenServices } from './start-services';

export type BootResult = { state: 'enroll'; config: ClientConfig } | { state: 'ready'; services: SenServices };

/**
 * Runs once per window: loads the configuration and the stored credential, enrolls on first
 * run when the configuration carries both a code and this PC's name (tests), and opens the
 * database. A code without a name shows the enrollment page with the code filled in: the PC's
 * name is what tells it apart in the device list, so a person types it.
 */
export async function boot(platform: Platform): Promise<BootResult> {
  const config = await platform.loadConfig();
  const stored = await platform.loadCredential();
  const allowInsecureHosts = config.allowInsecureHosts ?? [];
  if (stored) return { state: 'ready', services: await startServices(platform, stored, config) };
  if (!config.enrollmentCode || !config.deviceName) return { state: 'enroll', config };
  const credential = await enrollDevice(
    {
      serverUrl: config.serverUrl,
      code: config.enrollmentCode,
      deviceName: config.deviceName,
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
