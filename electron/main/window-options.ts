import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** Every window's web preferences: the one place they are set. */
export function secureWebPreferences(preloadPath: string, packaged = true): WebPreferences {
  return {
    preload: preloadPath,
    // In the installed app nobody at the desk opens DevTools (they would get round the lock
    // screen and read the database); a developer's unpackaged build keeps them.
    devTools: !packaged,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // A file dropped on the window must not replace the app page.
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** The app window, exactly as main creates it: tests assert on this object. */
export function appWindowOptions(preloadPath: string, packaged = true): BrowserWindowConstructorOptions {
  return { width: 1280, height: 800, title: 'Sen', webPreferences: secureWebPreferences(preloadPath, packaged) };
}
