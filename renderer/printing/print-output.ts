import type { PrintRequest, PrintResponse } from '../../shared/ipc/print-request';

/** In Electron main saves a PDF; a browser has only its own print dialog (which can save one). */
export function canSavePdf(): boolean {
  return window.sen !== undefined;
}

/**
 * Prints the print view on screen. The embedded font must have loaded first, or the paper
 * would print in a fallback font without some Vietnamese letters.
 */
export async function printView(request: PrintRequest): Promise<PrintResponse> {
  await document.fonts.ready;
  const bridge = window.sen;
  if (bridge === undefined) {
    window.print();
    return { outcome: 'printed', path: null };
  }
  const result = await bridge.printDocument(request);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
