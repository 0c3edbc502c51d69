import { isAppPage } from './trusted-url';

/** Whether a frame may go to `url`: only the app page, which is where the bridge lives. */
export function mayNavigate(url: string, appIndexUrl: string): boolean {
  return isAppPage(url, appIndexUrl);
}

/**
 * The answer to every `window.open`, `target="_blank"` link and form: no new window. Sen links to
 * nothing outside itself, so nothing is handed to the OS browser either: `shell.openExternal`
 * with a URL the page chose is how a compromised page would launch other programs.
 */
export function refuseWindowOpen(_details: { readonly url: string }): { action: 'deny' } {
  return { action: 'deny' };
}
