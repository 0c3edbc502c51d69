/**
 * Vietnamese text normalisation for storage and search.
 *
 * Input from Vietnamese IMEs may arrive decomposed (NFD); we store NFC. Search keys fold
 * diacritics and đ/Đ explicitly: NFD splits every tone and vowel mark (including ỷ ỹ ỵ)
 * into combining marks in U+0300–U+036F, but đ is a separate letter and must be mapped by hand.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;
const WHITESPACE_RUNS = /\s+/g;

/** NFC with collapsed whitespace: the form in which names and addresses are stored. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(WHITESPACE_RUNS, ' ').trim();
}

/** "Nguyễn Thị Đào" → "nguyen thi dao": the form of every stored search key. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(WHITESPACE_RUNS, ' ')
    .trim();
}
