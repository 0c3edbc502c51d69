import { describe, expect, it } from 'vitest';
import { hardenWindow } from '../../electron/main/security';
import { FakeBrowserWindow, FakeEvent } from '../helpers/electron-fakes';

const APP = 'file:///C:/Program%20Files/Sen/resources/app.asar/dist/renderer/index.html';
const NAVIGATION_EVENTS = ['will-navigate', 'will-frame-navigate', 'will-redirect'];
const OUTSIDE_URLS = [
  'https://evil.example/',
  'http://127.0.0.1:8780/',
  'http://127.0.0.1:5180@evil.com/',
  'file:///C:/Users/Public/index.html',
  `${APP}.evil.html`,
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'HTTPS://EVIL.EXAMPLE/',
];

/** A fresh fake window, hardened exactly as main.ts hardens the real one. */
function hardenedWindow(): FakeBrowserWindow {
  const window = new FakeBrowserWindow();
  hardenWindow(window, APP);
  return window;
}

describe('hardenWindow on a window', () => {
  it('listens to every navigation event and to webview attachment, once each', () => {
    const { webContents } = hardenedWindow();
    const counts = Object.fromEntries(
      [...webContents.listeners].map(([event, listeners]) => [event, listeners.length]),
    );
    expect(counts).toEqual({
      'will-navigate': 1,
      'will-frame-navigate': 1,
      'will-redirect': 1,
      'will-attach-webview': 1,
    });
  });

  describe.each(NAVIGATION_EVENTS)('%s', (event) => {
    it.each(OUTSIDE_URLS)('to %s is prevented', (url) => {
      expect(hardenedWindow().webContents.emit(event, new FakeEvent(url)).defaultPrevented).toBe(true);
    });

    it.each([APP, `${APP}#/patients/019a0000-0000-7000-8000-000000000001`])('to the app page %s goes ahead', (url) => {
      expect(hardenedWindow().webContents.emit(event, new FakeEvent(url)).defaultPrevented).toBe(false);
    });
  });

  it('prevents a webview from attaching', () => {
    expect(hardenedWindow().webContents.emit('will-attach-webview', new FakeEvent()).defaultPrevented).toBe(true);
  });

  it.each(['https://example.com/', 'http://example.com/', APP, 'about:blank', 'javascript:alert(1)'])(
    'denies window.open of %s',
    (url) => {
      const open = hardenedWindow().webContents.windowOpenHandler;
      expect(open?.({ url })).toEqual({ action: 'deny' });
    },
  );

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'camera', 'microphone'])(
    "refuses %s on the window's own session",
    (permission) => {
      const { session } = hardenedWindow().webContents;
      const answers: boolean[] = [];
      session.permissionRequestHandler?.({}, permission, (granted) => answers.push(granted));
      expect(answers).toEqual([false]);
      expect(session.permissionCheckHandler?.({}, permission)).toBe(false);
      expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false);
    },
  );
});
