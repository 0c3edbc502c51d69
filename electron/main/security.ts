import { mayNavigate, refuseWindowOpen } from './navigation-policy';
import { refuseDevicePermission, refusePermissionCheck, refusePermissionRequest } from './permission-policy';

/*
 * The hardening takes only the few methods it calls, not Electron's classes: Electron's
 * WebContents and Session satisfy these interfaces (main.ts passes them), and tests pass small
 * recording fakes, since no Electron runtime is needed to prove what is refused.
 */

/** What every cancellable Electron event offers. */
export interface Preventable {
  preventDefault(): void;
}

/** `will-navigate`, `will-frame-navigate` and `will-redirect` events: where the frame would go. */
export interface NavigationEvent extends Preventable {
  readonly url: string;
}

/* eslint-disable @typescript-eslint/unified-signatures --
   One overload per event, so that the type check against Electron's WebContents in main.ts
   fails if any of these events disappears; a union would match the first overload only. */
export interface HardenableWebContents {
  on(event: 'will-navigate', listener: (details: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (details: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (details: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => { action: 'deny' }): void;
}
/* eslint-enable @typescript-eslint/unified-signatures */

export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (permissionGranted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: (details: unknown) => boolean): void;
}

export interface HardenableWindow {
  readonly webContents: HardenableWebContents & { readonly session: HardenableSession };
}

/**
 * Refuses every permission request and check on the session. Device choosers (HID, USB,
 * serial) need the permission check to pass first, and Bluetooth requests are cancelled while
 * nothing listens for `select-bluetooth-device`, so no handler is added for those.
 */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler(refusePermissionRequest);
  session.setPermissionCheckHandler(refusePermissionCheck);
  session.setDevicePermissionHandler(refuseDevicePermission);
}

/** No navigation or redirect away from the app page in any frame, no new windows, no webviews. */
export function hardenWebContents(contents: HardenableWebContents, appIndexUrl: string): void {
  const guard = (details: NavigationEvent): void => {
    if (!mayNavigate(details.url, appIndexUrl)) details.preventDefault();
  };
  // will-navigate covers the main frame, will-frame-navigate every frame; both, in case one
  // of them is skipped for some navigation in a later Electron.
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(refuseWindowOpen);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Everything a window needs before it loads the app page: its contents and its session. */
export function hardenWindow(window: HardenableWindow, appIndexUrl: string): void {
  hardenSession(window.webContents.session);
  hardenWebContents(window.webContents, appIndexUrl);
}
