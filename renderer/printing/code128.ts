/**
 * Code 128 (ISO/IEC 15417), code set B: what a pharmacy's handheld scanner reads off a paper
 * prescription, so the code is not retyped. Each symbol is six bar/space widths in modules
 * (bar first), 11 modules in all; the stop symbol has a seventh, a final bar.
 */
const PATTERNS = [
  '212222',
  '222122',
  '222221',
  '121223',
  '121322',
  '131222',
  '122213',
  '122312',
  '132212',
  '221213',
  '221312',
  '231212',
  '112232',
  '122132',
  '122231',
  '113222',
  '123122',
  '123221',
  '223211',
  '221132',
  '221231',
  '213212',
  '223112',
  '312131',
  '311222',
  '321122',
  '321221',
  '312212',
  '322112',
  '322211',
  '212123',
  '212321',
  '232121',
  '111323',
  '131123',
  '131321',
  '112313',
  '132113',
  '132311',
  '211313',
  '231113',
  '231311',
  '112133',
  '112331',
  '132131',
  '113123',
  '113321',
  '133121',
  '313121',
  '211331',
  '231131',
  '213113',
  '213311',
  '213131',
  '311123',
  '311321',
  '331121',
  '312113',
  '312311',
  '332111',
  '314111',
  '221411',
  '431111',
  '111224',
  '111422',
  '121124',
  '121421',
  '141122',
  '141221',
  '112214',
  '112412',
  '122114',
  '122411',
  '142112',
  '142211',
  '241211',
  '221114',
  '413111',
  '241112',
  '134111',
  '111242',
  '121142',
  '121241',
  '114212',
  '124112',
  '124211',
  '411212',
  '421112',
  '421211',
  '212141',
  '214121',
  '412121',
  '111143',
  '111341',
  '131141',
  '114113',
  '114311',
  '411113',
  '411311',
  '113141',
  '114131',
  '311141',
  '411131',
  '211412',
  '211214',
  '211232',
] as const;
export const CODE128_PATTERNS: readonly string[] = PATTERNS;
export const CODE128_STOP = '2331112';
const START_B = 104;

/** Code set B encodes printable ASCII: space to '~'. */
export function isCode128B(text: string): boolean {
  return /^[\x20-\x7e]+$/.test(text);
}

/** The symbol values of `text` in code set B: start, data, check symbol (without the stop). */
export function code128BSymbols(text: string): number[] {
  if (!isCode128B(text)) throw new Error('Code 128 B encodes printable ASCII only');
  // Printable ASCII only (checked above): one UTF-16 unit per character.
  const data = Array.from(text, (char) => char.charCodeAt(0) - 32);
  const weighted = data.reduce((sum, value, index) => sum + value * (index + 1), START_B);
  return [START_B, ...data, weighted % 103];
}

/** Bars as [start module, width in modules], and the symbol's total width in modules. */
export function code128Bars(text: string): { bars: [number, number][]; modules: number } {
  const widths = [...code128BSymbols(text).map((symbol) => PATTERNS[symbol] ?? ''), CODE128_STOP].join('');
  const bars: [number, number][] = [];
  let position = 0;
  Array.from(widths).forEach((digit, index) => {
    const width = Number(digit);
    // Even positions are bars, odd ones spaces: every pattern starts with a bar.
    if (index % 2 === 0) bars.push([position, width]);
    position += width;
  });
  return { bars, modules: position };
}
