import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { hardenSession } from '../../electron/main/security';
import {
  refuseDevicePermission,
  refusePermissionCheck,
  refusePermissionRequest,
} from '../../electron/main/permission-policy';
import { FakeSession } from '../helpers/electron-fakes';

type PermissionRequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type Permission = Parameters<PermissionRequestHandler>[1];

/**
 * Every permission Electron's types name. A Record, so that an Electron upgrade adding one fails
 * the typecheck here until it is listed, and so refused.
 */
const ELECTRON_PERMISSIONS: Record<Permission, true> = {
  ar: true,
  'automatic-fullscreen': true,
  'background-fetch': true,
  'background-sync': true,
  'captured-surface-control': true,
  'clipboard-read': true,
  'clipboard-sanitized-write': true,
  'deprecated-sync-clipboard-read': true,
  'display-capture': true,
  fileSystem: true,
  fullscreen: true,
  geolocation: true,
  'geolocation-approximate': true,
  'hand-tracking': true,
  hid: true,
  'idle-detection': true,
  keyboardLock: true,
  'local-fonts': true,
  'local-network': true,
  'local-network-access': true,
  'loopback-network': true,
  media: true,
  mediaKeySystem: true,
  midi: true,
  midiSysex: true,
  nfc: true,
  notifications: true,
  openExternal: true,
  'payment-handler': true,
  'periodic-background-sync': true,
  'persistent-storage': true,
  pointerLock: true,
  'screen-wake-lock': true,
  sensors: true,
  serial: true,
  'smart-card': true,
  'speaker-selection': true,
  'storage-access': true,
  'system-wake-lock': true,
  'top-level-storage-access': true,
  usb: true,
  vr: true,
  'web-app-installation': true,
  'web-printing': true,
  'window-management': true,
  unknown: true,
};
// Names Chromium uses that Electron's types do not list (yet): refused all the same.
const PERMISSIONS = [...Object.keys(ELECTRON_PERMISSIONS), 'camera', 'microphone', 'clipboard-write', 'bluetooth'];

/** Calls a permission request handler and collects every answer it gives. */
function answersTo(handler: typeof refusePermissionRequest, permission: string): boolean[] {
  const answers: boolean[] = [];
  handler({}, permission, (granted) => answers.push(granted));
  return answers;
}

describe('permission policy', () => {
  it.each(PERMISSIONS)('refuses a request for %s, answering exactly once', (permission) => {
    expect(answersTo(refusePermissionRequest, permission)).toEqual([false]);
  });

  it.each(PERMISSIONS)('refuses a check for %s', (permission) => {
    expect(refusePermissionCheck({}, permission)).toBe(false);
    expect(refusePermissionCheck(null, permission)).toBe(false);
  });

  it.each([
    { deviceType: 'hid', origin: 'file://' },
    { deviceType: 'usb', origin: 'https://evil.example' },
    { deviceType: 'serial', origin: 'file://' },
  ])('pre-approves no $deviceType device', (details) => {
    expect(refuseDevicePermission(details)).toBe(false);
  });
});

describe('hardenSession', () => {
  const session = new FakeSession();
  hardenSession(session);

  it('installs a refusing handler for requests, checks and devices', () => {
    expect(session.permissionRequestHandler).toBe(refusePermissionRequest);
    expect(session.permissionCheckHandler).toBe(refusePermissionCheck);
    expect(session.devicePermissionHandler).toBe(refuseDevicePermission);
  });

  it.each(PERMISSIONS)('the session refuses %s when asked and when checked', (permission) => {
    const request = session.permissionRequestHandler;
    const check = session.permissionCheckHandler;
    if (!request || !check) throw new Error('hardenSession installed no handler');
    expect(answersTo(request, permission)).toEqual([false]);
    expect(check({}, permission)).toBe(false);
  });
});
