import type { CatalogImportError } from './catalog-import-error';

const BOM = '\uFEFF';
const REPLACEMENT = '\uFFFD';
/** A UTF-16 half of a pair without its other half: text that was cut or mis-decoded. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The text of an uploaded file: UTF-8 with or without a byte-order mark, as the ministry's files
 * and Excel's "CSV UTF-8" save them. A file in another encoding (Windows-1258, or Excel's default
 * ANSI CSV) is refused at its first undecodable line rather than stored as mojibake.
 */
export function decodeCatalogText(input: string | Uint8Array): { text: string } | { error: CatalogImportError } {
  const text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  const withoutBom = text.startsWith(BOM) ? text.slice(1) : text;
  const replacementAt = withoutBom.indexOf(REPLACEMENT);
  const surrogate = LONE_SURROGATE.exec(withoutBom);
  const badAt = [replacementAt, surrogate?.index ?? -1].filter((at) => at >= 0);
  if (badAt.length > 0) {
    return {
      error: {
        line: lineAt(withoutBom, Math.min(...badAt)),
        code: 'bad-encoding',
        message: 'The file is not UTF-8 text: save it as "CSV UTF-8" and import it again.',
      },
    };
  }
  return { text: withoutBom };
}

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = 0; at < index; at += 1) if (text.charCodeAt(at) === 10) line += 1;
  return line;
}
