import { readFileSync } from 'node:fs';
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

const FONT_FILES = 'node_modules/@fontsource/noto-sans/files';

/** The print font's CSS with each woff2 file inlined, for a page that is not served by Vite. */
function inlinedFontCss(): string {
  return readFileSync('renderer/printing/print-font.css', 'utf8').replace(
    /url\('@fontsource\/noto-sans\/files\/([^']+)'\)/g,
    (_match, file: string) => `url(data:font/woff2;base64,${readFileSync(`${FONT_FILES}/${file}`).toString('base64')})`,
  );
}

/**
 * A paper template rendered from sample data into a standalone page with the app's own print
 * stylesheet and font, laid out as the print view lays it out: for papers whose screens are
 * not built yet (discharge, referral).
 */
export function paperPage<P extends object>(
  template: FunctionComponent<P>,
  props: P,
  size: 'A4' | 'A5',
  marginMm: number,
): string {
  const body = renderToStaticMarkup(createElement(template, props));
  const css = readFileSync('renderer/printing/printing.css', 'utf8');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><style>${inlinedFontCss()}${css}
@page { size: ${size}; margin: ${String(marginMm)}mm; }</style></head>
<body><div class="print-preview"><div class="print-sheet size-${size}">${body}</div></div></body></html>`;
}
