import { describe, expect, it } from 'vitest';
import { printDocument, type PrintTarget } from '../../electron/main/print-document';
import type { PrintRequest } from '../../shared/ipc/print-request';

/** A print target that records what main asked of Electron. */
function fakeTarget(choice: { path: string | null; printed: boolean }) {
  const written: [string, Uint8Array][] = [];
  const pdfOptions: Parameters<PrintTarget['printToPdf']>[0][] = [];
  const target: PrintTarget = {
    printToPdf: (options) => {
      pdfOptions.push(options);
      return Promise.resolve(new Uint8Array([37, 80, 68, 70]));
    },
    printWithDialog: () => Promise.resolve(choice.printed),
    choosePdfPath: () => Promise.resolve(choice.path),
    writeFile: (path, contents) => {
      written.push([path, contents]);
      return Promise.resolve();
    },
  };
  return { target, written, pdfOptions };
}

const SAVE: PrintRequest = { action: 'save-pdf', pageSize: 'A5', marginMm: 10, fileName: 'Đơn thuốc.pdf' };

describe('printing in Electron', () => {
  it('saves the PDF where the user chose, at the requested size with margins in inches', async () => {
    const { target, written, pdfOptions } = fakeTarget({ path: '/home/bs/Đơn thuốc.pdf', printed: false });
    expect(await printDocument(SAVE, target)).toEqual({ outcome: 'saved', path: '/home/bs/Đơn thuốc.pdf' });
    expect(written.map(([path]) => path)).toEqual(['/home/bs/Đơn thuốc.pdf']);
    expect(pdfOptions[0]).toMatchObject({ pageSize: 'A5', preferCSSPageSize: true, printBackground: true });
    expect(pdfOptions[0]?.margins.top).toBeCloseTo(10 / 25.4);
  });

  it('writes nothing when the user cancels the save dialog', async () => {
    const { target, written, pdfOptions } = fakeTarget({ path: null, printed: false });
    expect(await printDocument(SAVE, target)).toEqual({ outcome: 'cancelled', path: null });
    expect(written).toEqual([]);
    expect(pdfOptions).toEqual([]);
  });

  it('says whether the system print dialog printed or was cancelled', async () => {
    const print: PrintRequest = { ...SAVE, action: 'print' };
    expect(await printDocument(print, fakeTarget({ path: null, printed: true }).target)).toEqual({
      outcome: 'printed',
      path: null,
    });
    expect(await printDocument(print, fakeTarget({ path: null, printed: false }).target)).toEqual({
      outcome: 'cancelled',
      path: null,
    });
  });
});
