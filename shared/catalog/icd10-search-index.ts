import { foldVietnamese } from '../text/fold-vietnamese';

/** What the index needs of an ICD-10 entry: its code, folded Vietnamese name and English name. */
export interface SearchableDiagnosis {
  code: string;
  searchKey: string;
  nameEn: string;
}

/**
 * An in-memory search over the ICD-10 list (~15,800 rows) that a client builds once from its
 * catalog and queries on every keystroke:
 * - by code prefix, with or without the dot and in any case (`J18`, `j18.9`, `J189`): a binary
 *   search over the sorted codes;
 * - by words typed without diacritics (`viem phoi`): every word is a prefix of some word of the
 *   name (Vietnamese or English); each word's matches are a binary-searched range of the sorted
 *   vocabulary whose posting lists are merged, and the words' sets intersected.
 * Nothing scans all rows per query, so the cost follows the number of matches, not the list.
 */
export interface Icd10SearchIndex<T extends SearchableDiagnosis> {
  readonly entries: readonly T[];
  /** Codes without their dot, upper case, sorted; `codeOwners[i]` is the entry of `codes[i]`. */
  readonly codes: readonly string[];
  readonly codeOwners: readonly number[];
  /** Every distinct word, sorted; `postings[i]` lists the entries (ascending) holding `words[i]`. */
  readonly words: readonly string[];
  readonly postings: readonly (readonly number[])[];
  /** Per entry, computed once: the words of its folded name, and its code without the dot. */
  readonly entryWords: readonly (readonly string[])[];
  readonly entryCodes: readonly string[];
}

const WORD_SEPARATORS = /[^a-z0-9]+/;
/** A code (letter, digit, then digits and dots) at the start of a query, and what follows it. */
const CODE_AT_START = /^([a-z]\d[\d.]*)(?:\s+(.*))?$/i;

export function normalizeIcd10Code(text: string): string {
  return text.toUpperCase().replace(/[.\s]/g, '');
}

function wordsOf(text: string): string[] {
  return splitWords(foldVietnamese(text));
}

/** Words of text folded already (a stored search key): no normalisation to pay for again. */
function splitWords(folded: string): string[] {
  return folded.split(WORD_SEPARATORS).filter(Boolean);
}

export function buildIcd10SearchIndex<T extends SearchableDiagnosis>(entries: readonly T[]): Icd10SearchIndex<T> {
  const entryCodes = entries.map((entry) => normalizeIcd10Code(entry.code));
  const codeOrder = entryCodes.map((code, index) => ({ code, index }));
  codeOrder.sort((a, b) => compare(a.code, b.code) || a.index - b.index);

  const entryWords = entries.map((entry) => splitWords(entry.searchKey));
  const byWord = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    for (const word of new Set([...(entryWords[index] ?? []), ...wordsOf(entry.nameEn)])) {
      const owners = byWord.get(word);
      if (owners) owners.push(index);
      else byWord.set(word, [index]);
    }
  });
  const words = [...byWord.keys()].sort(compare);

  return {
    entries,
    codes: codeOrder.map((item) => item.code),
    codeOwners: codeOrder.map((item) => item.index),
    words,
    postings: words.map((word) => byWord.get(word) ?? []),
    entryWords,
    entryCodes,
  };
}

/**
 * The best `limit` entries for what was typed. A query starting with a code (`J18`, `j18.9
 * viem`) matches codes by prefix, the rest of it filtering by words; any other query matches
 * words. Ranked: names that begin with the typed phrase, then names with more whole-word hits,
 * then shorter names, then code order (so `viem phoi` puts J18.9 "Viêm phổi, không đặc hiệu"
 * before the longer "Viêm phổi do …" names).
 */
export function searchIcd10<T extends SearchableDiagnosis>(index: Icd10SearchIndex<T>, query: string, limit = 20): T[] {
  // The code is taken before splitting into words: its dot would split it.
  const codeMatch = CODE_AT_START.exec(query.trim());
  const codeQuery = codeMatch ? normalizeIcd10Code(codeMatch[1] ?? '') : null;
  const nameWords = wordsOf(codeMatch ? (codeMatch[2] ?? '') : query);
  if (codeQuery === null && nameWords.length === 0) return [];

  let candidates: number[] | null = codeQuery === null ? null : codePrefixMatches(index, codeQuery);
  for (const word of [...nameWords].sort((a, b) => b.length - a.length)) {
    const matches = wordPrefixMatches(index, word);
    candidates = candidates === null ? matches : intersectSorted(candidates, matches);
    if (candidates.length === 0) return [];
  }
  if (candidates === null) return [];

  const phrase = nameWords.join(' ');
  const ranked = candidates.map((entryIndex) => rank(index, entryIndex, nameWords, phrase));
  // A code alone lists in code order: the category, then its subdivisions.
  const order = nameWords.length === 0 ? byCode : byRelevance;
  return best(ranked, limit, order).map((item) => index.entries[item.entryIndex] as T);
}

interface Ranked {
  entryIndex: number;
  startsWithPhrase: number;
  wholeWords: number;
  length: number;
  code: string;
}

function byCode(a: Ranked, b: Ranked): number {
  return compare(a.code, b.code);
}

function byRelevance(a: Ranked, b: Ranked): number {
  return b.startsWithPhrase - a.startsWithPhrase || b.wholeWords - a.wholeWords || a.length - b.length || byCode(a, b);
}

function rank<T extends SearchableDiagnosis>(
  index: Icd10SearchIndex<T>,
  entryIndex: number,
  queryWords: readonly string[],
  phrase: string,
): Ranked {
  const words = index.entryWords[entryIndex] ?? [];
  let startsWithPhrase = 0;
  if (phrase !== '') {
    const name = words.slice(0, queryWords.length).join(' ');
    startsWithPhrase = name.startsWith(phrase) ? 1 : 0;
  }
  return {
    entryIndex,
    startsWithPhrase,
    wholeWords: queryWords.filter((word) => words.includes(word)).length,
    length: (index.entries[entryIndex] as T).searchKey.length,
    code: index.entryCodes[entryIndex] ?? '',
  };
}

/** The first `limit` items in order, without sorting all of them (a one-letter query matches most rows). */
function best(items: readonly Ranked[], limit: number, order: (a: Ranked, b: Ranked) => number): Ranked[] {
  const kept: Ranked[] = [];
  for (const item of items) {
    if (kept.length === limit && order(item, kept[kept.length - 1] as Ranked) >= 0) continue;
    let at = kept.length;
    while (at > 0 && order(item, kept[at - 1] as Ranked) < 0) at -= 1;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

function codePrefixMatches<T extends SearchableDiagnosis>(index: Icd10SearchIndex<T>, prefix: string): number[] {
  const matches: number[] = [];
  for (let i = lowerBound(index.codes, prefix); i < index.codes.length; i += 1) {
    if (!(index.codes[i] as string).startsWith(prefix)) break;
    matches.push(index.codeOwners[i] as number);
  }
  return matches.sort((a, b) => a - b);
}

/** Every entry holding a word that starts with `prefix`, ascending and without repeats. */
function wordPrefixMatches<T extends SearchableDiagnosis>(index: Icd10SearchIndex<T>, prefix: string): number[] {
  const lists: (readonly number[])[] = [];
  for (let i = lowerBound(index.words, prefix); i < index.words.length; i += 1) {
    if (!(index.words[i] as string).startsWith(prefix)) break;
    lists.push(index.postings[i] as readonly number[]);
  }
  if (lists.length === 1) return [...(lists[0] as readonly number[])];
  // Many words share a short prefix: mark their entries and read the marks in order.
  const marked = new Uint8Array(index.entries.length);
  for (const list of lists) for (const entryIndex of list) marked[entryIndex] = 1;
  const matches: number[] = [];
  for (let entryIndex = 0; entryIndex < marked.length; entryIndex += 1)
    if (marked[entryIndex]) matches.push(entryIndex);
  return matches;
}

function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const both: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      both.push(x);
      i += 1;
      j += 1;
    } else if (x < y) i += 1;
    else j += 1;
  }
  return both;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as string) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Code-unit order, the order `<` uses, so that binary search and sorting agree. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
