/**
 * Sen needs no browser permission: no camera, microphone, location, notifications, clipboard
 * reads, devices or external protocols. Each answer is a constant refusal, whatever is asked,
 * so a permission Electron adds later is refused too.
 */
export function refusePermissionRequest(
  _webContents: unknown,
  _permission: string,
  callback: (permissionGranted: boolean) => void,
): void {
  callback(false);
}

export function refusePermissionCheck(_webContents: unknown, _permission: string): boolean {
  return false;
}

/** HID, USB and serial devices: no device is ever pre-approved. */
export function refuseDevicePermission(_details: unknown): boolean {
  return false;
}
