import type { PrintRequest, PrintResponse } from '../../shared/ipc/print-request';

const MM_PER_INCH = 25.4;

/** What printing needs from Electron: the window's contents, a save dialog, the file system. */
export interface PrintTarget {
  printToPdf(options: {
    pageSize: PrintRequest['pageSize'];
    margins: { top: number; bottom: number; left: number; right: number };
    printBackground: boolean;
    preferCSSPageSize: boolean;
  }): Promise<Uint8Array>;
  /** The system print dialog; resolves false when the user cancels it. */
  printWithDialog(options: { pageSize: PrintRequest['pageSize']; printBackground: boolean }): Promise<boolean>;
  /** The chosen path, or null when the user cancels the dialog. */
  choosePdfPath(suggestedName: string): Promise<string | null>;
  writeFile(path: string, contents: Uint8Array): Promise<void>;
}

/**
 * Prints the print view the app window shows. The request was validated against the contract;
 * the CSS page size of the view wins (preferCSSPageSize), the request's size and margins are
 * what it falls back to. Nothing is written without the user choosing where.
 */
export async function printDocument(request: PrintRequest, target: PrintTarget): Promise<PrintResponse> {
  if (request.action === 'print') {
    const printed = await target.printWithDialog({ pageSize: request.pageSize, printBackground: true });
    return { outcome: printed ? 'printed' : 'cancelled', path: null };
  }
  const path = await target.choosePdfPath(request.fileName);
  if (path === null) return { outcome: 'cancelled', path: null };
  const margin = request.marginMm / MM_PER_INCH;
  const pdf = await target.printToPdf({
    pageSize: request.pageSize,
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    printBackground: true,
    preferCSSPageSize: true,
  });
  await target.writeFile(path, pdf);
  return { outcome: 'saved', path };
}
