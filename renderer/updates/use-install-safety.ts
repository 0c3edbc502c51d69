import { useEffect } from 'react';
import { routeFromHash, type Route } from '../app/route';

/** Pages with a form a clinician may be filling in: no install question while one is open. */
const FORM_PAGES: ReadonlySet<Route['page']> = new Set(['visit', 'register', 'edit', 'stay', 'admit']);

export function isSafeToAskForInstall(route: Route): boolean {
  return !FORM_PAGES.has(route.page);
}

/**
 * Tells the desktop app's main process whether asking to install an update would interrupt
 * anyone (electron/main/install-consent.ts). The browser build has no main process: nothing to do.
 */
export function useInstallSafety(): void {
  useEffect(() => {
    const bridge = window.sen;
    if (!bridge) return undefined;
    const report = (): void => {
      void bridge.setUpdateInstallSafety({ safe: isSafeToAskForInstall(routeFromHash(window.location.hash)) });
    };
    report();
    window.addEventListener('hashchange', report);
    return () => {
      window.removeEventListener('hashchange', report);
      // Signed out or locked away from the shell: no form of this session is open.
      void bridge.setUpdateInstallSafety({ safe: true });
    };
  }, []);
}
