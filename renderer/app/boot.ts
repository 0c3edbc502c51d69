import type { ClientConfig, DeviceCredential } from '../../shared/client-config';
import { enrollDevice, newEnrollmentRequestId, type EnrollmentAttempt } from '../device/enroll-device';
import { enrollmentProblem, type EnrollmentProblem } from '../device/enrollment-problem';
import type { Platform } from '../device/platform';
import { startServices, type ClientSettings, type SenServices } from './start-services';

/**
 * The enrollment page, after an unattended enrollment that failed: why (shown in Vietnamese),
 * and the attempt, so that pressing «Đăng ký máy» after a lost answer sends the same request
 * and does not spend the code twice.
 */
export interface UnattendedFailure {
  problem: EnrollmentProblem;
  attempt: EnrollmentAttempt;
}

export type BootResult =
  { state: 'enroll'; config: ClientConfig; unattended?: UnattendedFailure } | { state: 'ready'; services: SenServices };

/**
 * Runs once per window: loads the configuration and the stored credential, enrolls on first
 * run when the configuration carries both a code and this PC's name (the installer's
 * config.json, build/installer.nsh; the demo and tests), and opens the database. A code
 * without a name shows the enrollment page with the code filled in: the PC's name is what
 * tells it apart in the device list, so a person types it. An unattended enrollment that
 * fails (wrong code, wrong address, no network) falls back to the same page, filled in, with
 * the reason: the app is never stuck on an error the installer cannot correct.
 */
export async function boot(platform: Platform): Promise<BootResult> {
  const config = await platform.loadConfig();
  const stored = await platform.loadCredential();
  const allowInsecureHosts = config.allowInsecureHosts ?? [];
  if (stored) return { state: 'ready', services: await startServices(platform, stored, config) };
  if (!config.enrollmentCode || !config.deviceName) return { state: 'enroll', config };
  const attempt: EnrollmentAttempt = {
    serverUrl: config.serverUrl,
    code: config.enrollmentCode,
    deviceName: config.deviceName,
    requestId: newEnrollmentRequestId(),
  };
  let credential: DeviceCredential;
  try {
    credential = await enrollDevice(attempt, allowInsecureHosts);
  } catch (failure) {
    return { state: 'enroll', config, unattended: { problem: enrollmentProblem(failure), attempt } };
  }
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
