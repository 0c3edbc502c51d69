import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

const run = promisify(execFile);
export const PDF_DIR = 'test-results/printed';

/**
 * The print view of `page` as a PDF, the way Chromium prints it (print media, the view's own
 * @page size and margins), kept in test-results/printed/<name>.pdf for a person to look at.
 */
export async function printToPdfFile(page: Page, name: string): Promise<string> {
  // The embedded font must be in before printing, or a fallback font would be embedded instead.
  await page.evaluate(async () => {
    await document.fonts.ready;
  });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  mkdirSync(PDF_DIR, { recursive: true });
  const path = join(PDF_DIR, `${name}.pdf`);
  writeFileSync(path, pdf);
  return path;
}

/** The PDF's text as poppler reads it, whitespace runs made single spaces, in NFC. */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout.normalize('NFC').replace(/\s+/g, ' ');
}

/** `pdffonts`'s table: which fonts the PDF uses and whether each is embedded. */
export async function pdfFonts(path: string): Promise<string> {
  return (await run('pdffonts', [path])).stdout;
}

export async function pdfPageCount(path: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [path]);
  return Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1] ?? 0);
}

/** Page one as a small PNG (60 dpi) beside the PDF, for a person to look at. */
export async function firstPagePng(path: string): Promise<string> {
  const prefix = path.replace(/\.pdf$/, '');
  await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', path, prefix]);
  return `${prefix}.png`;
}
