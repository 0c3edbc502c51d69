import type { BrowserWindow, Dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import type { PrintTarget } from './print-document';

/** Printing in the app window: its contents, a save dialog attached to it, the disk. */
export function electronPrintTarget(window: BrowserWindow, dialog: Pick<Dialog, 'showSaveDialog'>): PrintTarget {
  const contents = window.webContents;
  return {
    printToPdf: (options) => contents.printToPDF(options),
    printWithDialog: (options) =>
      new Promise((resolve, reject) => {
        contents.print({ silent: false, ...options }, (success, failureReason) => {
          // Electron reports a cancelled dialog as a failure whose reason says so ("cancelled",
          // "Print job canceled" depending on the version): that is the user's choice, not an error.
          if (success || /cancel/i.test(failureReason)) resolve(success);
          else reject(new Error(`print failed: ${failureReason}`));
        });
      }),
    choosePdfPath: async (suggestedName) => {
      const chosen = await dialog.showSaveDialog(window, {
        defaultPath: suggestedName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      return chosen.canceled ? null : chosen.filePath;
    },
    writeFile: (path, pdf) => writeFile(path, pdf),
  };
}
