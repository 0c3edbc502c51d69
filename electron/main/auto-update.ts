import type { BrowserWindow, Dialog } from 'electron';
import { autoUpdater } from 'electron-updater';
import { deviceCredentialSchema } from '../../shared/client-config';
import { nextCheckDelay } from '../../shared/updates/check-schedule';
import { UPDATES_PATH } from '../../shared/updates/update-feed';
import { InstallConsent } from './install-consent';

/**
 * The desktop app's updates (thin: the rules live in install-consent.ts and shared/updates):
 * electron-updater's generic provider on `<serverUrl>/updates/` with the device token, downloading
 * in the background (resumable, sha512 from the feed checked before anything is kept), installing
 * on quit only with the user's consent, asked when no visit form is open.
 */
export function startAutoUpdate(options: {
  loadCredential: () => Promise<string | null>;
  window: () => BrowserWindow | null;
  dialog: Pick<Dialog, 'showMessageBox'>;
}): { setSafe: (safe: boolean) => Promise<void> } {
  const consent = new InstallConsent(autoUpdater, async (version) => {
    const window = options.window();
    const message = {
      type: 'question' as const,
      title: 'Cập nhật Sen',
      message: `Đã tải về phiên bản mới ${version}.`,
      detail: 'Sen sẽ cài phiên bản mới khi anh/chị đóng ứng dụng. Dữ liệu trên máy được giữ nguyên.',
      buttons: ['Cài khi đóng Sen', 'Để sau'],
      defaultId: 0,
      cancelId: 1,
      noLink: true,
    };
    const answer = window ? await options.dialog.showMessageBox(window, message) : { response: 1 };
    return answer.response === 0;
  });
  autoUpdater.autoDownload = true;
  autoUpdater.on('update-downloaded', (info) => void consent.downloadedVersion(info.version));
  // An emitter's unhandled 'error' would throw in main: a failed download is retried at the next check.
  autoUpdater.on('error', (error: Error) => console.warn('Sen: update not ready:', error.message));

  let failures = 0;
  const check = async (): Promise<void> => {
    try {
      const stored = await options.loadCredential();
      if (stored !== null) {
        const device = deviceCredentialSchema.parse(JSON.parse(stored));
        autoUpdater.setFeedURL({ provider: 'generic', url: new URL(`${UPDATES_PATH}/`, device.serverUrl).toString() });
        autoUpdater.requestHeaders = { authorization: `Bearer ${device.token}` };
        await autoUpdater.checkForUpdates();
      }
      failures = 0;
    } catch {
      // Offline, nothing staged (404) or a download that did not verify: try again later.
      failures += 1;
    }
    setTimeout(() => void check(), nextCheckDelay(failures)).unref();
  };
  void check();
  return { setSafe: (safe) => consent.setSafe(safe) };
}
